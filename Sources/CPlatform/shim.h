#ifndef PASSERELLE_PLATFORM_SHIM_H
#define PASSERELLE_PLATFORM_SHIM_H

// System calls the C library declares only under _GNU_SOURCE, which the modules
// Swift imports are built without.

#ifdef __linux__
extern int fallocate(int fd, int mode, long offset, long len);
#endif

// Sets `count` bytes of disk aside for a file being written, its size unchanged
// (FALLOC_FL_KEEP_SIZE); -1 where the system cannot.
static inline int passerelle_reserve(int fd, long count) {
#ifdef __linux__
  return fallocate(fd, 0x01, 0, count);
#else
  (void)fd;
  (void)count;
  return -1;
#endif
}

#endif
