package mini

import "fyne.io/fyne/v2/lang"

// Test files are not scanned.
var _ = lang.L("only in a test")
