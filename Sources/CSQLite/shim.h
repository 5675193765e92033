#include <sqlite3.h>

// sqlite3_config takes variable arguments, which Swift cannot pass.
// Memory statistics take a process-wide lock on every allocation, which the
// manifest's connections on several threads then wait for. Passerelle never reads
// them. Effective only before SQLite is first used in the process.
static inline int passerelle_sqlite_without_memory_statistics(void) {
  return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
