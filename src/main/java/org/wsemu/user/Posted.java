package org.wsemu.user;

/** A posted message waiting in a queue. Immutable. */
record Posted(int hwnd, int message, int wParam, int lParam, int time) {}
