/* The parser's own limit: reads a delimited file in 64 KiB chunks through libcsv,
 * with the options Passerelle uses, and discards every field. Prints the number of
 * records and fields, so that the work cannot be optimised away.
 *
 *   cc -O2 -o libcsv_parse_only Benchmarks/libcsv_parse_only.c -lcsv
 *   ./libcsv_parse_only FILE [DELIMITER]      (TAB by default)
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>

struct counts {
  unsigned long records;
  unsigned long fields;
  unsigned long bytes;
};

static void field_ended(void *field, size_t length, void *context) {
  struct counts *counts = context;
  (void)field;
  counts->fields += 1;
  counts->bytes += length;
}

static void record_ended(int terminator, void *context) {
  struct counts *counts = context;
  (void)terminator;
  counts->records += 1;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s FILE [DELIMITER]\n", argv[0]);
    return 2;
  }
  FILE *file = fopen(argv[1], "rb");
  if (!file) {
    perror(argv[1]);
    return 2;
  }
  struct csv_parser parser;
  if (csv_init(&parser, CSV_APPEND_NULL) != 0) return 2;
  csv_set_delim(&parser, argc > 2 ? (unsigned char)argv[2][0] : '\t');
  struct counts counts = {0, 0, 0};
  static char buffer[1 << 16];
  size_t count;
  while ((count = fread(buffer, 1, sizeof buffer, file)) > 0) {
    if (csv_parse(&parser, buffer, count, field_ended, record_ended, &counts) != count) {
      fprintf(stderr, "%s\n", csv_strerror(csv_error(&parser)));
      return 1;
    }
  }
  csv_fini(&parser, field_ended, record_ended, &counts);
  csv_free(&parser);
  fclose(file);
  printf("%lu records, %lu fields, %lu bytes of values\n", counts.records, counts.fields,
         counts.bytes);
  return 0;
}
