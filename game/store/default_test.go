//go:build !js

package store

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDefaultIsTheConfigFolder(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	t.Setenv("AppData", filepath.Join(home, "AppData"))
	config, err := os.UserConfigDir()
	if err != nil {
		t.Fatal(err)
	}
	st, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if err := SaveSettings(st, DefaultSettings()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(config, "bianjing1125", SettingsKey)); err != nil {
		t.Fatalf("the settings are not in the configuration folder: %v", err)
	}
}

func TestDefaultWithoutConfigFolder(t *testing.T) {
	t.Setenv("HOME", "")
	t.Setenv("XDG_CONFIG_HOME", "")
	t.Setenv("AppData", "")
	t.Setenv("home", "") // plan9
	if _, err := os.UserConfigDir(); err == nil {
		t.Skip("this system has a configuration folder without $HOME")
	}
	if st, err := Default(); err == nil {
		t.Fatalf("Default without a configuration folder: %v, no error", st)
	}
}
