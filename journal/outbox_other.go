//go:build !windows

package journal

// useOutboxByDefault: elsewhere Badger's SyncWrites (msync of its write-ahead
// log) makes each commit durable, so no outbox is needed.
const useOutboxByDefault = false
