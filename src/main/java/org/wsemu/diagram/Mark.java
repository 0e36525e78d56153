package org.wsemu.diagram;

/**
 * The kinds of arrows and notes a diagram draws, each with its CSS class, the Mermaid arrow, and
 * the sentence of the legend. An error (a refused call, an {@code error=} field) is drawn on top
 * of its kind, in red and bold.
 *
 * <p>Immutable and thread-safe.
 */
enum Mark {
  CALL("call", "->>", "#333333", false, "a call that returned, with its result"),
  BLOCK("block", "->>", "#1f5fbf", false, "a blocking call enters its loop (a bar while it blocks)"),
  HOOK("hook", "->>", "#7b3fa0", false, "the blocking hook called by a blocking loop"),
  CALLBACK("callback", "->>", "#00796b", false, "a window, timer or completion procedure entered (a bar)"),
  POST("post", "-)", "#e07000", false, "a message posted to the task owning the window"),
  SEND("send", "->>", "#b35c00", false, "SendMessage: the window procedure runs in the owner's task"),
  REPLY("reply", "-->>", "#b35c00", true, "what SendMessage returned to its caller"),
  CANCEL("cancel", "--x", "#ad1457", true, "a cancel, towards what it cancels"),
  NOTIFY("notify", "--)", "#2e7d32", true, "a network event (FD_*) or an overlapped completion"),
  LOOKUP("lookup", "->>", "#8f7a40", false, "a lookup asked of the resolver, or its answer"),
  NOTE("note", "", "#b3a760", false, "a note: a task starts or ends, a timer expires, the network moves"),
  ERROR("error", "-x", "#c62828", false, "a refused call or an error (red, bold)");

  private final String cssClass;
  private final String mermaidArrow;
  private final String color;
  private final boolean dashed;
  private final String meaning;

  Mark(String cssClass, String mermaidArrow, String color, boolean dashed, String meaning) {
    this.cssClass = cssClass;
    this.mermaidArrow = mermaidArrow;
    this.color = color;
    this.dashed = dashed;
    this.meaning = meaning;
  }

  /** The colour of its lines and arrowheads, {@code #rrggbb}. */
  String color() {
    return color;
  }

  /** Whether its line is dashed (answers and notifications). */
  boolean dashed() {
    return dashed;
  }

  /** Whether its arrowhead is open (asynchronous: a post, a notification) rather than filled. */
  boolean openHead() {
    return this == POST || this == NOTIFY;
  }

  /** Whether its arrowhead is a cross (a cancel, an error). */
  boolean crossHead() {
    return this == CANCEL || this == ERROR;
  }

  /** The CSS class of its SVG elements. */
  String cssClass() {
    return cssClass;
  }

  /** The Mermaid arrow drawing it (empty for notes). */
  String mermaidArrow() {
    return mermaidArrow;
  }

  /** The legend's sentence. */
  String meaning() {
    return meaning;
  }
}
