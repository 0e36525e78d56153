package org.wsemu.endpoint;

/** The requests of an endpoint, with the names the trace gives them. */
enum RequestKind {
  BIND("Bind"),
  CONNECT("Connect"),
  LISTEN("Listen"),
  ACCEPT("Accept"),
  OUTPUT("Output"),
  INPUT("Input"),
  INPUT_SPEC("SetInputSpec"),
  DISCONNECT("Disconnect"),
  CANCEL("Cancel"),
  UNBIND("UnBind"),
  DISPOSE("Dispose");

  final String label;

  RequestKind(String label) {
    this.label = label;
  }
}
