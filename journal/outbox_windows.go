//go:build windows

package journal

// useOutboxByDefault: on Windows Badger cannot sync its memory-mapped
// files, so every write also goes through the fsynced outbox.
const useOutboxByDefault = true
