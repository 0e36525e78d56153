package org.wsemu.diagram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wsemu.trace.TraceCollapse;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceKind;

/**
 * Builds a {@link DiagramModel} from trace events, their polling collapsed by {@link TraceCollapse}
 * (a single event repeated: one arrow with its count; a cycle of several: a box with the count
 * around it drawn once): the lifelines (one per task in order of
 * appearance, then the network and the resolver when something involves them), and a step or two
 * per event, keeping track of what the trace says only once (which task owns a window, which task
 * used a socket, which window waits for an asynchronous lookup, who sent a message).
 *
 * <p>Activation bars are balanced whatever the trace: a trace cut at the front (an end without its
 * start) draws no end, and a trace cut at the back has its open bars closed at the bottom.
 *
 * <p>Not thread-safe: one builder per diagram, used by one thread ({@link #build} makes one).
 */
final class ModelBuilder {
  static final Set<String> LOOKUPS = Set.of("gethostbyname", "gethostbyaddr");

  final DiagramOptions options;
  private final Map<String, Lifeline> tasks = new LinkedHashMap<>();
  private boolean usesNetwork;
  private boolean usesResolver;
  private final Map<String, Lifeline> windows = new HashMap<>();
  private final Map<String, Lifeline> sockets = new HashMap<>();
  private final Map<Lifeline, Lifeline> sentBy = new HashMap<>();
  private final Map<Lifeline, Integer> depth = new HashMap<>();
  /** The sockets of each task's open blocking calls, innermost first. */
  private final Map<Lifeline, Deque<String>> blockedOn = new HashMap<>();
  private final List<Step> steps = new ArrayList<>();
  private final CallSteps calls = new CallSteps(this);
  private final NotificationSteps notifications = new NotificationSteps(this);
  private int rows;

  private ModelBuilder(DiagramOptions options) {
    this.options = options;
  }

  /** The model of {@code events}, drawn as {@code options} say. */
  static DiagramModel build(List<TraceEvent> events, DiagramOptions options) {
    List<TraceEvent> drawn = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      TraceEvent e = events.get(i);
      if (drawn(e, options) && !(i + 1 < events.size() && notificationPost(e, events.get(i + 1)))) {
        drawn.add(e);
      }
    }
    List<TraceCollapse.Entry> entries = options.collapse() ? TraceCollapse.collapse(drawn)
        : drawn.stream().map(e -> new TraceCollapse.Entry(List.of(e), 1, e.seq(), e.seq(), e.time(), e.time())).toList();
    return new ModelBuilder(options).run(entries);
  }

  /**
   * Whether {@code post} is the PostMessage by which Winsock delivers the notification
   * {@code next} (a WSAAsyncSelect message, a WSAAsyncGetXByY reply): the trace records it in the
   * task whose thread delivered it; the diagram draws it once, as the notification's arrow from the
   * network or the resolver.
   */
  static boolean notificationPost(TraceEvent post, TraceEvent next) {
    if (post.kind() != TraceKind.CALL || !post.name().equals("PostMessage") || next.kind() != TraceKind.ASYNC) {
      return false;
    }
    return switch (next.name()) {
      case "select" -> sameNumber(post.field("hWnd"), next.field("hwnd")) && sameNumber(post.field("wParam"), next.field("s"));
      case "reply" -> sameNumber(post.field("wParam"), next.field("handle"));
      default -> false;
    };
  }

  /** Whether two field values are the same number, each written in decimal or as {@code 0x} hex. */
  static boolean sameNumber(Object a, Object b) {
    Long x = number(a);
    return x != null && x.equals(number(b));
  }

  private static Long number(Object value) {
    if (value == null) {
      return null;
    }
    String text = String.valueOf(value);
    try {
      return text.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  /**
   * Whether an event can change the diagram. The others (task switches but SendMessage's, clock
   * jumps, a lookup's start, folded calls) are left out before polling is collapsed, so that a
   * polling loop that reads the clock or yields collapses too.
   */
  static boolean drawn(TraceEvent e, DiagramOptions options) {
    return switch (e.kind()) {
      case CLOCK -> false;
      case SWITCH -> e.name().equals("SendMessage");
      case ASYNC -> !e.name().equals("start");
      case CALL -> !options.fold() || !CallSteps.folded(e);
      default -> true;
    };
  }

  private DiagramModel run(List<TraceCollapse.Entry> entries) {
    int omitted = 0;
    for (TraceCollapse.Entry entry : entries) {
      if (rows >= options.maxRows()) {
        omitted += entry.events().size() * entry.repeats();
        continue;
      }
      add(entry);
    }
    for (Lifeline who : new ArrayList<>(depth.keySet())) {
      while (depth.getOrDefault(who, 0) > 0) {
        deactivate(who);
      }
    }
    if (omitted > 0) {
      Lifeline first = anyLifeline();
      steps.add(new Step.Note(steps.isEmpty() ? 0 : lastTime(), first,
          omitted + " more events not drawn (row limit " + options.maxRows() + ")", false, 1));
    }
    List<Lifeline> lifelines = new ArrayList<>(tasks.values());
    if (usesNetwork) {
      lifelines.add(Lifeline.NETWORK);
    }
    if (usesResolver) {
      lifelines.add(Lifeline.RESOLVER);
    }
    lifelines.sort(Comparator.comparing(Lifeline::kind)); // stable: tasks keep their order
    return new DiagramModel(lifelines, steps, omitted);
  }

  private void add(TraceCollapse.Entry entry) {
    int start = steps.size();
    int rowsBefore = rows;
    if (entry.repeats() > 1 && entry.events().size() > 1) {
      steps.add(new Step.LoopStart(entry.repeats(), entry.firstTime(), entry.lastTime()));
    }
    for (TraceEvent e : entry.events()) {
      event(e);
    }
    if (entry.repeats() == 1) {
      return;
    }
    if (entry.events().size() > 1 && rows - rowsBefore > 1) {
      steps.add(new Step.LoopEnd()); // several rows: a box with the count
      return;
    }
    if (entry.events().size() > 1) {
      steps.remove(start); // one row or none: no box, the row gets the count
    }
    for (int i = start; i < steps.size(); i++) {
      repeat(i, entry.repeats());
    }
  }

  private void repeat(int index, int repeats) {
    Step step = steps.get(index);
    if (step instanceof Step.Arrow a) {
      steps.set(index, new Step.Arrow(a.time(), a.from(), a.to(), a.text(), a.mark(), a.error(), repeats));
    } else if (step instanceof Step.Note n) {
      steps.set(index, new Step.Note(n.time(), n.over(), n.text(), n.error(), repeats));
    }
  }

  private void event(TraceEvent e) {
    Lifeline task = task(e.task());
    switch (e.kind()) {
      case CALL -> calls.call(e, task == null ? anyLifeline() : task);
      case TASK -> taskEvent(e, task);
      case SWITCH -> {
        if (task != null && e.name().equals("SendMessage")) {
          sentBy.put(task, task(String.valueOf(e.field("from"))));
        }
      }
      case CLOCK -> { }
      case TIMER -> note(e, owner(e.field("hwnd"), task),
          "timer " + Labels.text(e.field("id")) + " expired: WM_TIMER pending", false);
      case PROC -> procedure(e, orAny(task));
      case PROC_END, UNBLOCK -> end(e, orAny(task));
      case EXCEPTION -> note(e, orAny(task), "exception in " + Labels.plain(e), true);
      case UNWIND -> note(e, orAny(task), e.name() + " unwinds, " + Labels.fields(e, "level"), false);
      case BLOCK -> block(e, orAny(task));
      case HOOK -> arrow(e, orAny(task), orAny(task), e.name() + " = " + Labels.text(e.field("ret")), Mark.HOOK, false);
      case NOTE, NET, FAULT, ASYNC, COMPLETION, VIOLATION -> notifications.event(e, task);
      case ROUTINE -> arrow(e, orAny(task), orAny(task), e.name() + " " + Labels.fields(e, "n", "for"), Mark.CALLBACK, false);
    }
  }

  private void taskEvent(TraceEvent e, Lifeline task) {
    switch (e.name()) {
      case "create" -> task(String.valueOf(e.field("task")));
      case "start" -> note(e, orAny(task), "start", false);
      default -> note(e, orAny(task), Labels.plain(e), e.field("error") != null);
    }
  }

  private void procedure(TraceEvent e, Lifeline task) {
    if (e.name().equals("WndProc")) {
      String via = Labels.text(e.field("via"));
      if (via.equals("SendMessage")) {
        Lifeline sender = sentBy.remove(task);
        arrow(e, sender == null ? task : sender, task, "SendMessage " + Labels.message(e), Mark.SEND, false);
      } else {
        String how = via.equals("DispatchMessage") ? "" : " (" + via + ")";
        arrow(e, task, task, "WndProc " + Labels.message(e) + how, Mark.CALLBACK, false);
      }
    } else {
      arrow(e, task, task, e.name() + " " + Labels.fields(e, "hwnd", "id"), Mark.CALLBACK, false);
    }
    activate(task);
  }

  private void block(TraceEvent e, Lifeline task) {
    if (LOOKUPS.contains(e.name())) {
      arrow(e, task, resolver(), e.name() + " blocks", Mark.LOOKUP, false);
    } else {
      arrow(e, task, task, e.name() + " blocks (" + Labels.fields(e, "s", "level") + ")", Mark.BLOCK, false);
    }
    blockedOn.computeIfAbsent(task, t -> new ArrayDeque<>()).push(String.valueOf(e.field("s")));
    activate(task);
  }

  private void end(TraceEvent e, Lifeline task) {
    if (depth.getOrDefault(task, 0) > 0) {
      deactivate(task);
    }
    Deque<String> blocked = blockedOn.get(task);
    if (e.kind() == TraceKind.UNBLOCK && blocked != null && !blocked.isEmpty()) {
      blocked.pop();
    }
  }

  /**
   * Another task than {@code task} whose blocking call waits on socket {@code s}: a close of the
   * socket ends that call (WSAEINTR), so it is drawn as a cancel towards it. {@code null}: none.
   */
  Lifeline blockedElsewhere(Object s, Lifeline task) {
    if (s == null) {
      return null;
    }
    String socket = String.valueOf(s);
    for (Map.Entry<Lifeline, Deque<String>> entry : blockedOn.entrySet()) {
      if (!entry.getKey().equals(task) && entry.getValue().contains(socket)) {
        return entry.getKey();
      }
    }
    return null;
  }

  // What CallSteps and the handlers above share.

  void arrow(TraceEvent e, Lifeline from, Lifeline to, String text, Mark mark, boolean error) {
    steps.add(new Step.Arrow(e.time(), from, to, text, mark, error, 1));
    rows++;
  }

  void note(TraceEvent e, Lifeline over, String text, boolean error) {
    steps.add(new Step.Note(e.time(), over, text, error, 1));
    rows++;
  }

  void activate(Lifeline who) {
    depth.merge(who, 1, Integer::sum);
    steps.add(new Step.Activate(who));
  }

  private void deactivate(Lifeline who) {
    depth.merge(who, -1, Integer::sum);
    steps.add(new Step.Deactivate(who));
  }

  /** The lifeline of a task label, added in order of appearance; {@code null} for no task. */
  Lifeline task(String label) {
    if (label == null || label.equals("-") || label.equals("net") || label.equals("null")) {
      return null;
    }
    return tasks.computeIfAbsent(label, l -> new Lifeline("T" + (tasks.size() + 1), l, Lifeline.Kind.TASK));
  }

  Lifeline network() {
    usesNetwork = true;
    return Lifeline.NETWORK;
  }

  Lifeline resolver() {
    usesResolver = true;
    return Lifeline.RESOLVER;
  }

  /** The task owning window {@code hwnd} (from CreateWindow's result), else {@code fallback}. */
  Lifeline owner(Object hwnd, Lifeline fallback) {
    Lifeline owner = hwnd == null ? null : windows.get(String.valueOf(hwnd));
    return owner != null ? owner : orAny(fallback);
  }

  void ownsWindow(Object hwnd, Lifeline task) {
    if (hwnd != null) {
      windows.put(String.valueOf(hwnd), task);
    }
  }

  /** The task that last called a function on socket {@code s}, else {@code fallback}. */
  Lifeline socketOwner(Object s, Lifeline fallback) {
    Lifeline owner = s == null ? null : sockets.get(String.valueOf(s));
    return owner != null ? owner : orAny(fallback);
  }

  void usesSocket(Object s, Lifeline task) {
    if (s != null) {
      sockets.put(String.valueOf(s), task);
    }
  }

  Lifeline orAny(Lifeline task) {
    return task != null ? task : anyLifeline();
  }

  /** The first task's lifeline, for what belongs to no task; the network's when there is no task. */
  private Lifeline anyLifeline() {
    return tasks.isEmpty() ? network() : tasks.values().iterator().next();
  }

  private long lastTime() {
    for (int i = steps.size() - 1; i >= 0; i--) {
      if (steps.get(i) instanceof Step.Arrow a) {
        return a.time();
      }
      if (steps.get(i) instanceof Step.Note n) {
        return n.time();
      }
    }
    return 0;
  }
}
