#include <stdlib.h>

int main(void) {
  putenv("AGENT_TOKEN=G6FHXODgEU9vTXAAU0MJFMP8Kjd1edhA");
  setenv("AGENT_MODE", "daemon", 1);
  return run_agent();
}
