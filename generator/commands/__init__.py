"""The command line and its commands: build, check, preview, batch; atomic outputs and stamps."""
