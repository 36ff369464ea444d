# Hearth — build, run and test.
#
#   make run    start the desktop app (installs what it needs first)
#   make test   vet, staticcheck and the whole test suite with -race
#
# On Debian/Ubuntu the system packages are installed with apt when missing (with sudo
# when not root); elsewhere the Makefile says exactly what to install.

SHELL      := /bin/bash
GO         ?= go
TAGS       := migrated_fynedo
# Release builds leave out Fyne's widget animations (the blinking text cursor redraws
# the whole window: ~16% of a core while typing pauses, 0.75% without). Hearth's own
# animations, such as the breathing pacer, are unaffected.
APP_TAGS   := no_animations
VERSION    := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
APP_ID     := $(shell sed -n 's/^ *ID *= *"\(.*\)"/\1/p' FyneApp.toml)
APP_NAME   := $(shell sed -n 's/^ *Name *= *"\(.*\)"/\1/p' FyneApp.toml)
ICON       := resources/icon/hearth.png
LDFLAGS    := -X main.appVersion=$(VERSION)
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
FYNE_TOOL  := fyne.io/tools/cmd/fyne@v1.7.4

# Debian/Ubuntu packages: building the app (cgo: OpenGL, X11, Wayland, ALSA) ...
APT_BUILD := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
             libxinerama-dev libxi-dev libxxf86vm-dev libxkbcommon-dev libwayland-dev \
             wayland-protocols libasound2-dev
# ... the real-window smoke test (a virtual X server, window finder, screenshots) ...
APT_TEST  := xvfb xdotool imagemagick
# ... and the Windows cross-build.
APT_WIN   := gcc-mingw-w64-x86-64
# What to install where apt is not available (e.g. Fedora, Arch).
NEED_BUILD := a C compiler (gcc or clang), pkg-config and the development headers for OpenGL, X11 (Xcursor, Xrandr, Xinerama, Xi, Xxf86vm), Wayland with xkbcommon, and ALSA
NEED_TEST  := Xvfb, xdotool and ImageMagick (for the real-window smoke test)
NEED_WIN   := the mingw-w64 cross compiler for x86_64 (x86_64-w64-mingw32-gcc)

export PATH := $(PATH):/usr/local/go/bin:$(HOME)/go/bin

.PHONY: run test build windows package icon clean deps deps-build deps-test deps-windows check-go

# Fyne warns on the C locale, so run with a UTF-8 English locale unless one is set.
run: deps-build
	LANG=$$(case "$${LANG:-C}" in C|C.UTF-8|POSIX) echo en_US.UTF-8;; *) echo "$$LANG";; esac) \
	  $(GO) run -tags $(APP_TAGS) -ldflags "$(LDFLAGS)" ./cmd/hearth

test: deps-build deps-test
	$(GO) vet -tags $(TAGS) ./...
	$(GO) run $(STATICCHECK) -tags $(TAGS) ./...
	$(GO) test -race -tags $(TAGS) -timeout 25m ./...

# A release binary for this machine in dist/.
build: deps-build
	$(GO) build -tags $(APP_TAGS) -trimpath -ldflags "-s -w $(LDFLAGS)" -o dist/hearth ./cmd/hearth

# Cross-build hearth.exe for 64-bit Windows with mingw-w64 (cgo).
windows: deps-windows
	CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc GOOS=windows GOARCH=amd64 \
	  $(GO) build -tags $(APP_TAGS) -trimpath -ldflags "-H=windowsgui -s -w $(LDFLAGS)" -o dist/hearth.exe ./cmd/hearth
	@ls -l dist/hearth.exe

# A desktop package (.tar.xz with a .desktop file and icon) with the fyne tool.
# fyne reads FyneApp.toml only next to the main package, so the metadata from the root
# FyneApp.toml is passed as flags.
package: deps-build
	$(GO) run $(FYNE_TOOL) package -os linux --src cmd/hearth --icon ../../$(ICON) \
	  --name $(APP_NAME) --app-id $(APP_ID) --app-version $(VERSION) --release --tags $(APP_TAGS)
	@mkdir -p dist && mv -f cmd/hearth/$(APP_NAME).tar.xz dist/ 2>/dev/null || mv -f $(APP_NAME).tar.xz dist/
	@ls -l dist/$(APP_NAME).tar.xz

# Re-render the PNG icon from its SVG source (needs rsvg-convert: apt librsvg2-bin).
icon:
	rsvg-convert -w 512 -h 512 resources/icon/hearth.svg -o $(ICON)

clean:
	rm -rf dist

deps: deps-build deps-test

check-go:
	@command -v $(GO) >/dev/null || { echo "Go 1.26 or newer is needed: install it from https://go.dev/dl/ and run make again."; exit 1; }

deps-build: check-go
	@$(call ensure,$(APT_BUILD),$(NEED_BUILD))

deps-test:
	@$(call ensure,$(APT_TEST),$(NEED_TEST))

deps-windows:
	@$(call ensure,$(APT_WIN),$(NEED_WIN))

# ensure installs the Debian packages in $(1) that are missing; where apt is not there
# it names what to install ($(2)) and stops. macOS needs only the Xcode command line tools.
define ensure
if [ "$$(uname -s)" = Darwin ]; then \
  xcode-select -p >/dev/null 2>&1 || { echo "Install the Xcode command line tools: xcode-select --install"; exit 1; }; \
elif command -v dpkg-query >/dev/null && command -v apt-get >/dev/null; then \
  missing=""; \
  for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
  if [ -n "$$missing" ]; then \
    echo "Installing system packages:$$missing"; \
    sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
    $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
  fi; \
else \
  echo "This system has no apt. Please install $(2) with your package manager, then run make again."; \
  exit 1; \
fi
endef
