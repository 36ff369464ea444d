//go:build unix

package audio

import "syscall"

// cpuSeconds is the CPU time this process has used (user + system), so benchmarks
// can report work done even when other programs share the cores.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
