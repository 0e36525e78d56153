package org.wsemu.schedule;

/** The source that always answers 0. Stateless, so shared. */
enum NoChoices implements ChoiceSource {
  INSTANCE;

  @Override
  public int choose(ChoicePoint point, int options) {
    return 0;
  }

  @Override
  public boolean exploring() {
    return false;
  }

  @Override
  public String toString() {
    return "no choices";
  }
}
