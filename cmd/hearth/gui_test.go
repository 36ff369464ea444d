package main

import "testing"

func TestTrayAllowed(t *testing.T) {
	tests := []struct {
		goos, dbus string
		want       bool
	}{
		{"linux", "", false},
		{"linux", "unix:path=/run/user/1000/bus", true},
		{"windows", "", true},
		{"darwin", "", true},
	}
	for _, tt := range tests {
		getenv := func(k string) string {
			if k == "DBUS_SESSION_BUS_ADDRESS" {
				return tt.dbus
			}
			return ""
		}
		if got := trayAllowed(tt.goos, getenv); got != tt.want {
			t.Errorf("trayAllowed(%s, dbus=%q) = %v, want %v", tt.goos, tt.dbus, got, tt.want)
		}
	}
}
