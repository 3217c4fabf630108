/* An outside C program: what a user of the installed package writes. It reads a small CSV
 * plan, resolves an agency cell and renders the report, so that linking pulls in the whole
 * library (Abseil, the C++ runtime), not just a version call. */
#include <mandate.h>
#include <stdio.h>
#include <string.h>

static int fail(const char* what, mdt_status st) {
  fprintf(stderr, "%s: %s: %s\n", what, mdt_status_name(st), mdt_last_error());
  return 1;
}

int main(void) {
  static const char csv[] =
      "id,title,lead,coordinators,category,source,assigned,deadline,completed\n"
      "T1,Ban hành chiến lược,Bộ Khoa học và Công nghệ,Bộ Tài chính,I,KH 01,2025-01-15,"
      "Quý II/2025,2025-06-20\n"
      "T2,Xây dựng nền tảng,\"Các bộ, ngành\",,I,KH 01,2025-01-15,31/12/2025,\n";
  mdt_dataset* ds = NULL;
  mdt_problems* problems = NULL;
  mdt_resolution* r = NULL;
  mdt_registry* reg = NULL;
  char* report = NULL;
  size_t len = 0, agencies = 0;
  mdt_date as_of = MDT_NO_DATE;
  mdt_status st;
  if (mdt_version_number() != MDT_VERSION_NUMBER) {
    fprintf(stderr, "header %s, library %s\n", MDT_VERSION_STRING, mdt_version());
    return 1;
  }
  if ((st = mdt_registry_bundled(&reg)) != MDT_OK) return fail("registry", st);
  if ((st = mdt_registry_resolve(&r, reg, "Bộ Tài chính, Bộ Y tế", MDT_NUL_TERMINATED)) != MDT_OK)
    return fail("resolve", st);
  if ((st = mdt_resolution_agency_count(&agencies, r)) != MDT_OK || agencies != 2)
    return fail("count", st);
  if ((st = mdt_dataset_read_csv(&ds, &problems, csv, sizeof csv - 1, NULL)) != MDT_OK)
    return fail("read_csv", st);
  if ((st = mdt_date_parse(&as_of, "2025-09-23", MDT_NUL_TERMINATED)) != MDT_OK)
    return fail("date", st);
  if ((st = mdt_report(&report, &len, ds, as_of, NULL)) != MDT_OK) return fail("report", st);
  if (strstr(report, "23/9/2025") == NULL) {
    fprintf(stderr, "unexpected report:\n%s\n", report);
    return 1;
  }
  printf("C consumer linked mandate %s: a %zu-byte report\n", mdt_version(), len);
  mdt_string_free(report);
  mdt_problems_free(problems);
  mdt_dataset_free(ds);
  mdt_resolution_free(r);
  mdt_registry_free(reg);
  return 0;
}
