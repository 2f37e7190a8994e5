"""Helpers the tests run: the command line in a real subprocess, a writer for the crash test."""
