//go:build unix

package journal

import (
	"syscall"
	"time"
)

// processCPU returns the user+system CPU time used by this process, so
// benchmarks can report work done independently of machine load.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
