/* The physical floor of one sample: read the same kernel files the agent reads, and nothing more.
 * Usage: raw-read ITERATIONS TOP [status]   (with "status", also read /proc/PID/status of every process,
 * the reading used as the floor the agent is compared with). Prints CPU milliseconds per iteration. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

static char buf[1 << 16];

static long slurp(const char *path) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  long total = 0, n;
  while ((n = read(fd, buf, sizeof buf)) > 0) total += n;
  close(fd);
  return total;
}

/* Since Linux 6.2 the size of /proc/PID/fd is its number of open descriptors, as the agent reads it. */
static long count_fds(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static void sample(int top, int with_status) {
  static const char *files[] = {"/proc/stat", "/proc/loadavg", "/proc/meminfo", "/proc/mounts", "/proc/diskstats",
                                "/proc/net/dev", "/proc/net/sockstat", "/proc/net/sockstat6", 0};
  for (int i = 0; files[i]; i++) slurp(files[i]);
  if (access("/sys/devices/system/cpu/cpu0/cpufreq/scaling_cur_freq", R_OK) == 0)
    slurp("/sys/devices/system/cpu/cpu0/cpufreq/scaling_cur_freq");
  else
    slurp("/proc/cpuinfo");
  struct statvfs fs;
  statvfs("/", &fs);
  DIR *proc = opendir("/proc");
  struct dirent *e;
  char path[64];
  int pids[4096], count = 0;
  while ((e = readdir(proc)) && count < 4096) {
    if (e->d_name[0] < '1' || e->d_name[0] > '9') continue;
    int pid = atoi(e->d_name);
    pids[count++] = pid;
    snprintf(path, sizeof path, "/proc/%d/stat", pid);
    slurp(path);
    if (with_status) {
      snprintf(path, sizeof path, "/proc/%d/status", pid);
      slurp(path);
    }
  }
  closedir(proc);
  /* The reported processes (top by CPU, top by memory, the agent) get their descriptors counted. */
  for (int i = 0; i < count && i < 2 * top + 1; i++) {
    snprintf(path, sizeof path, "/proc/%d/fd", pids[i]);
    count_fds(path);
  }
}

int main(int argc, char **argv) {
  int iterations = argc > 1 ? atoi(argv[1]) : 200;
  int top = argc > 2 ? atoi(argv[2]) : 10;
  int with_status = argc > 3 && strcmp(argv[3], "status") == 0;
  struct timespec a, b;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
  for (int i = 0; i < iterations; i++) sample(top, with_status);
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
  double ms = (b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6;
  printf("%.3f\n", ms / iterations);
  return 0;
}
