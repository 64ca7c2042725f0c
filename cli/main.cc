#include "cli/entry.h"

int main(int argc, char** argv) { return magpie::cli::Main(argc, argv); }
