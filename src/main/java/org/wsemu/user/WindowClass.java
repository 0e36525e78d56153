package org.wsemu.user;

import org.wsemu.kernel.KernelTask;

/**
 * A registered window class.
 *
 * @param atom the class atom RegisterClass returned
 * @param wndClass a private copy of what was registered
 * @param registrant the task that registered it, the only one that may unregister it
 * @param global whether it is a {@code CS_GLOBALCLASS} class, visible to every task
 */
record WindowClass(int atom, WNDCLASS wndClass, KernelTask registrant, boolean global) {}
