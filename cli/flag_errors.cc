#include "cli/flag_errors.h"

#include <string_view>
#include <vector>

#include "report/terminal_text.h"

namespace magpie::cli {
namespace {

// The deepest (sub)command the parser had entered: "magpie", "magpie rules check", ...
const CLI::App* FailingCommand(const CLI::App& app, std::string* path) {
  *path = "magpie";
  const CLI::App* at = &app;
  for (;;) {
    const std::vector<CLI::App*> entered = at->get_subcommands();
    if (entered.empty()) return at;
    at = entered.back();
    *path += " " + at->get_name();
  }
}

std::string Quote(std::string_view text) {
  return "'" + report::EscapeControls(text) + "'";
}

// CLI11 names an option "-f,--format" or "--format": the long name reads best.
std::string OptionName(std::string_view name) {
  const size_t comma = name.rfind(',');
  return std::string(comma == std::string_view::npos ? name : name.substr(comma + 1));
}

// "NAME: rest" → NAME, or "" when the message does not start with an option name.
std::string LeadingOption(std::string_view message) {
  const size_t colon = message.find(':');
  if (colon == std::string_view::npos || message.empty() || message[0] != '-') return "";
  return OptionName(message.substr(0, colon));
}

std::string SubcommandList(const CLI::App& command) {
  std::string names;
  for (const CLI::App* sub : command.get_subcommands({})) {
    if (!names.empty()) names += ", ";
    names += sub->get_name();
  }
  return names;
}

std::string Describe(const CLI::App& command, const CLI::ParseError& error) {
  const std::string_view what = error.what();
  if (dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr) {
    // "The following argument(s) was/were not expected: A B"
    const size_t colon = what.find(": ");
    std::string_view first = colon == std::string_view::npos ? what : what.substr(colon + 2);
    first = first.substr(0, first.find(' '));
    if (!first.empty() && first[0] == '-') return "unknown flag " + Quote(first);
    if (command.get_parent() == nullptr) {
      return "unknown command " + Quote(first) + " (commands: " + SubcommandList(command) + ")";
    }
    return "unexpected argument " + Quote(first);
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) != nullptr) {
    const std::string option = LeadingOption(what);
    if (!option.empty()) return Quote(option) + " needs a value";
  }
  if (dynamic_cast<const CLI::ConversionError*>(&error) != nullptr) {
    constexpr std::string_view kCouldNot = "Could not convert: ";  // "NAME = VALUE"
    if (what.substr(0, kCouldNot.size()) == kCouldNot) {
      const std::string_view rest = what.substr(kCouldNot.size());
      const size_t equals = rest.find(" = ");
      if (equals != std::string_view::npos) {
        return "invalid value " + Quote(rest.substr(equals + 3)) + " for " +
               Quote(OptionName(rest.substr(0, equals)));
      }
    }
    if (what.find("too many inputs for a flag") != std::string_view::npos) {
      return Quote(LeadingOption(what)) + " takes no value";
    }
  }
  if (dynamic_cast<const CLI::ValidationError*>(&error) != nullptr) {
    const std::string option = LeadingOption(what);
    if (!option.empty()) {
      return "invalid value for " + Quote(option) + ": " +
             report::EscapeControls(what.substr(what.find(':') + 2));
    }
  }
  if (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr &&
      what.find("subcommand") != std::string_view::npos) {
    return "missing command (one of: " + SubcommandList(command) + ")";
  }
  // Anything else: CLI11's sentence, first letter lowered to read as ours.
  std::string line = report::EscapeControls(what);
  if (!line.empty() && line[0] >= 'A' && line[0] <= 'Z') line[0] = static_cast<char>(line[0] + 32);
  return line;
}

}  // namespace

std::string FlagErrorLine(const CLI::App& app, const CLI::ParseError& error) {
  std::string path;
  const CLI::App* command = FailingCommand(app, &path);
  return "magpie: error: " + Describe(*command, error) + "; see " + path + " --help";
}

}  // namespace magpie::cli
