package org.wsemu.samples;

import java.util.List;

/**
 * What {@link EndpointSession} prints, in virtual time on the simulated network, with lines 100 ms
 * apart and a 400 ms input time-out: the first connection hangs, so its input spec's time-out
 * cancels the pending Outputs first, in the order made, then completes itself; the second ends with
 * BYE. Shared by the sample's test and the command line's, which must print exactly this.
 */
public final class EndpointSessionTranscript {
  private EndpointSessionTranscript() {}

  /** The session's lines, without the command line's header and outcome lines. */
  public static final List<String> SIMULATED_400_MS = List.of(
      "[t=    0 ms] connection 1: connected to 127.0.0.1:5000",
      "[t=    0 ms] < WELCOME to the line server, connection 1",
      "[t=  100 ms] < line 1 of 3",
      "[t=  200 ms] < line 2 of 3",
      "[t=  300 ms] < line 3 of 3",
      "[t=  400 ms] < .",
      "[t=  400 ms] > PUT 16777216, the file, QUIT (three asynchronous Outputs)",
      "[t=  800 ms] Output of 16777216 bytes: -16005 (kCommErrRequestCanceled), 16370 of 16777216 bytes sent",
      "[t=  800 ms] Output \"QUIT\": -16005 (kCommErrRequestCanceled), 0 of 6 bytes sent",
      "[t=  800 ms] input spec: no line within 400 ms; the cancel completes: -16005 (kCommErrRequestCanceled)",
      "[t=  800 ms] connection 1: disconnected",
      "[t=  800 ms] connection 2: connected to 127.0.0.1:5000",
      "[t=  800 ms] < WELCOME to the line server, connection 2",
      "[t=  900 ms] < line 1 of 3",
      "[t= 1000 ms] < line 2 of 3",
      "[t= 1100 ms] < line 3 of 3",
      "[t= 1200 ms] < .",
      "[t= 1200 ms] > PUT 16777216, the file, QUIT (three asynchronous Outputs)",
      "[t= 1200 ms] < OK 16777216 bytes received",
      "[t= 1200 ms] < BYE",
      "[t= 1200 ms] input spec: the server closed the connection: -16013 (kCommErrConnectionAborted)",
      "[t= 1200 ms] connection 2: the server has disconnected");
}
