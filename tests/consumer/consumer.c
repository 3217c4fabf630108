#include <stdio.h>
#include <string.h>

#include <mandate.h>

int main(void) {
  if (mdt_version_number() != MDT_VERSION_NUMBER) {
    fprintf(stderr, "header %s, library %s\n", MDT_VERSION_STRING, mdt_version());
    return 1;
  }
  if (strcmp(mdt_status_name(MDT_ERR_PARSE), "MDT_ERR_PARSE") != 0) return 1;
  printf("C consumer linked mandate %s\n", mdt_version());
  return 0;
}
