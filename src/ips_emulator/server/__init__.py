"""The HTTP side: app factory, WSDL serving, the threaded runner."""
