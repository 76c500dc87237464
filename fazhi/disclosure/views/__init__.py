"""The disclosure pages: staff (`staff`, `requests`) and the public portal (`portal`)."""
