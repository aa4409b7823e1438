"""One module per area of the app, each defining STRINGS = {key: (简体中文, English)}."""
