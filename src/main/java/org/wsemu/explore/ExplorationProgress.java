package org.wsemu.explore;

import java.time.Duration;

/**
 * How far an exploration has got, as reported to {@link Explorer.Builder#progress}.
 *
 * @param schedulesRun schedules finished so far
 * @param schedulesPlanned the schedule budget ({@link Explorer.Builder#schedules(int)})
 * @param distinctTraces how many different traces the finished schedules produced
 * @param schedulesPerSecond schedules finished per second of real time so far
 * @param elapsed real time since the exploration started
 */
public record ExplorationProgress(int schedulesRun, int schedulesPlanned, int distinctTraces,
    double schedulesPerSecond, Duration elapsed) {}
