package org.wsemu.user;

/**
 * The USER functions of Windows, with their C names, argument order and return conventions, for
 * the tasks of one emulator. Obtain it with {@code Emulator.user()}; one instance serves every
 * task, and each call acts for the task whose thread makes it.
 *
 * <h2>Porting rule</h2>
 * A C call becomes a method call on this object with the same arguments in the same order:
 * {@code PeekMessage(&msg, NULL, 0, 0, PM_REMOVE)} becomes
 * {@code user.PeekMessage(msg, NULL, 0, 0, PM_REMOVE)}. Handles ({@code HWND}, {@code HTASK}) and
 * 16/32-bit integers are {@code int} (see {@link WinDef}); {@code BOOL} results that C code tests
 * for truth are {@code boolean}, except GetMessage, whose {@code -1} matters; structures are the
 * classes of this package, passed where C passes their address.
 *
 * <h2>Threads</h2>
 * Functions marked <em>task-only</em> act on the calling task's queue, windows or timers and throw
 * {@link org.wsemu.task.TaskThreadException} when called from a thread that is not a task of this
 * emulator. The others (PostMessage, PostAppMessage, SendMessage, IsWindow, FindWindow, IsTask,
 * GetWindowTask, GetCurrentTask, GetTickCount) may be called from any thread.
 *
 * <h2>Errors</h2>
 * A bad argument (a stale handle, a {@code null} structure, a window of another task) gets the
 * Windows failure value ({@code FALSE}, 0, or -1 for GetMessage); no Java exception escapes.
 *
 * <h2>Win16 and Win32</h2>
 * In {@link org.wsemu.task.SchedulingMode#WIN16} mode message numbers and {@code wParam} are truncated
 * to 16 bits on posting and sending, as a C {@code WORD} would be; in Win32 mode they keep 32 bits.
 * Window handles fit 16 bits in both modes.
 */
public interface User {

  // ---- window classes and windows ----

  /**
   * Registers a window class for the calling task (for every task with {@code CS_GLOBALCLASS}).
   * Task-only.
   *
   * @return a class atom (non-zero), or 0 if {@code lpWndClass}, its name or its procedure is
   *     {@code null} or a class of that name is already registered
   */
  int RegisterClass(WNDCLASS lpWndClass);

  /**
   * Removes a class registered by the calling task. Task-only.
   *
   * @return {@code false} if there is no such class or windows of the class still exist
   */
  boolean UnregisterClass(String lpClassName, int hInstance);

  /**
   * Creates a window owned by the calling task and sends it WM_CREATE (lParam 0: there is no
   * CREATESTRUCT). Position, size, menu and instance are accepted and ignored. Task-only.
   *
   * @param lpParam stored with the window, not passed to it (wsemu has no CREATESTRUCT)
   * @return the window handle (non-zero, 16-bit), or 0 ({@code NULL}) if the class is unknown,
   *     the parent is not a live window, no handle is free, or WM_CREATE returned -1
   */
  int CreateWindow(
      String lpClassName,
      String lpWindowName,
      int dwStyle,
      int x,
      int y,
      int nWidth,
      int nHeight,
      int hWndParent,
      int hMenu,
      int hInstance,
      Object lpParam);

  /**
   * Destroys a window of the calling task: sends WM_DESTROY to it and then to its children,
   * discards its posted messages and kills its timers; the handle becomes invalid. Task-only.
   *
   * @return {@code false} if the handle is not a live window of the calling task
   */
  boolean DestroyWindow(int hWnd);

  /** Whether {@code hWnd} is a live window. Any thread. */
  boolean IsWindow(int hWnd);

  /**
   * Finds a top-level window by class name and window name, both compared case-insensitively;
   * {@code null} matches any. When several match, the one with the lowest handle. Any thread.
   *
   * @return the window handle, or 0 if none matches
   */
  int FindWindow(String lpClassName, String lpWindowName);

  /** The task that owns {@code hWnd}, or 0 if it is not a live window. Any thread. */
  int GetWindowTask(int hWnd);

  /**
   * Default processing: WM_CLOSE destroys the window; every other message returns 0. Task-only.
   */
  int DefWindowProc(int hWnd, int Msg, int wParam, int lParam);

  // ---- posting and sending ----

  /**
   * Puts a message in the queue of the task that owns {@code hWnd} and returns at once. Any thread.
   * {@code hWnd == NULL} posts to the calling task's own queue (a task thread only);
   * {@link WinUser#HWND_BROADCAST} posts to every top-level window.
   *
   * @return {@code false} if the window is not live, the target queue is full (see
   *     {@code Emulator.Builder.postedMessageLimit}), or {@code NULL} was given by a non-task thread
   */
  boolean PostMessage(int hWnd, int Msg, int wParam, int lParam);

  /**
   * Puts a message with {@code hwnd} 0 in a task's queue. Any thread. {@code hTask == NULL} means
   * the calling task.
   *
   * @return {@code false} if the task is not alive or its queue is full
   */
  boolean PostAppMessage(int hTask, int Msg, int wParam, int lParam);

  /**
   * Calls the window procedure of {@code hWnd} and returns its result. From the owning task this is
   * a direct call. From another task the message waits in the owner's queue until the owner
   * retrieves messages (GetMessage, PeekMessage, WaitMessage, or its own SendMessage); meanwhile the
   * sender processes messages sent to it, and in Win16 mode the processor goes straight to the
   * owner and comes straight back on the reply. From a thread that is not a task, the thread simply
   * waits. Any thread.
   *
   * @return the window procedure's result, or 0 if the window is not live (or dies before replying)
   */
  int SendMessage(int hWnd, int Msg, int wParam, int lParam);

  /**
   * Whether the calling task's current window procedure was entered for a message sent by another
   * task. Task-only.
   */
  boolean InSendMessage();

  /**
   * Replies early to a message sent by another task: the sender's SendMessage returns
   * {@code lResult} now (and in Win16 mode gets the processor), while this window procedure goes
   * on. Task-only.
   *
   * @return {@code false} if the current message was not sent by another task or was replied to
   */
  boolean ReplyMessage(int lResult);

  /** Posts WM_QUIT (wParam {@code nExitCode}) to the calling task's queue. Task-only. */
  void PostQuitMessage(int nExitCode);

  // ---- retrieving and dispatching ----

  /**
   * Retrieves the next message for the calling task, waiting if there is none. Messages sent by
   * other tasks are processed first, then posted messages in order, then WM_QUIT, then WM_TIMER.
   * With {@code hWnd} (a window of the calling task, or -1 for messages with {@code hwnd} 0) and a
   * range {@code [wMsgFilterMin, wMsgFilterMax]} (0, 0 meaning all) only matching messages are
   * retrieved; WM_QUIT always is. In Win16 mode, waiting lets other tasks run. Task-only.
   *
   * @return 0 for WM_QUIT, -1 if {@code lpMsg} is {@code null} or {@code hWnd} is not a live
   *     window, otherwise non-zero
   */
  int GetMessage(MSG lpMsg, int hWnd, int wMsgFilterMin, int wMsgFilterMax);

  /**
   * Like GetMessage without waiting. {@code wRemoveMsg} is {@link WinUser#PM_REMOVE} or
   * {@link WinUser#PM_NOREMOVE}, optionally with {@link WinUser#PM_NOYIELD}; without it, finding
   * nothing yields to other tasks (Win16) before returning. Task-only.
   *
   * @return whether a message was retrieved; {@code false} for a {@code null} {@code lpMsg} or a
   *     {@code hWnd} that is not a live window
   */
  boolean PeekMessage(MSG lpMsg, int hWnd, int wMsgFilterMin, int wMsgFilterMax, int wRemoveMsg);

  /**
   * Waits until a new message arrives in the calling task's queue: one that arrived after the
   * task last looked with GetMessage or PeekMessage. Messages sent by other tasks are processed
   * while waiting. In Win16 mode, waiting lets other tasks run. Task-only.
   *
   * @return {@code true}, or {@code false} if the emulator is shutting down
   */
  boolean WaitMessage();

  /**
   * Turns a WM_KEYDOWN (WM_SYSKEYDOWN) of a character key into a WM_CHAR (WM_SYSCHAR) that is
   * retrieved next. Letters become lower case (no shift state is emulated). Task-only.
   *
   * @return {@code true} for WM_KEYDOWN, WM_KEYUP, WM_SYSKEYDOWN and WM_SYSKEYUP, else
   *     {@code false}
   */
  boolean TranslateMessage(MSG lpMsg);

  /**
   * Calls the window procedure of {@code lpMsg.hwnd} (or, for the WM_TIMER of a timer with a
   * TIMERPROC, that procedure). Task-only; the window must belong to the calling task.
   *
   * @return the window procedure's result; 0 if there is no live window of the calling task
   */
  int DispatchMessage(MSG lpMsg);

  // ---- timers and time ----

  /**
   * Starts a timer of the calling task. Every {@code uElapse} milliseconds (raised to
   * {@link WinUser#USER_TIMER_MINIMUM}) it makes a WM_TIMER pending; at most one is pending per
   * timer. With {@code hWnd} the timer is identified by ({@code hWnd}, {@code nIDEvent}) and an
   * existing one is reset; with {@code NULL} a new id is chosen unless {@code nIDEvent} names an
   * existing window-less timer. Task-only.
   *
   * @param lpTimerFunc called by DispatchMessage instead of the window procedure, or {@code null}
   * @return the timer id ({@code nIDEvent}, or 1 when it is 0, for a window timer); 0 if
   *     {@code hWnd} is not a live window of the calling task or no id is free
   */
  int SetTimer(int hWnd, int nIDEvent, int uElapse, TIMERPROC lpTimerFunc);

  /**
   * Stops a timer of the calling task; its pending WM_TIMER, if any, is never retrieved. Task-only.
   *
   * @return {@code false} if there is no such timer
   */
  boolean KillTimer(int hWnd, int uIDEvent);

  /** Milliseconds of emulator time as an unsigned 32-bit {@code DWORD} (it wraps). Any thread. */
  int GetTickCount();

  // ---- tasks ----

  /**
   * Lets other tasks run (Win16); returns at once when no other task can run. On Win32 a
   * {@code Thread.yield()}. Task-only.
   */
  void Yield();

  /** The calling task's handle, or 0 on a thread that is not a task. Any thread. */
  int GetCurrentTask();

  /** Whether {@code hTask} is a live task. Any thread. */
  boolean IsTask(int hTask);
}
