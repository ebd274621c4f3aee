// untranslated-file: the template of a routine file, in the routine format's own words

#include "RoutineTemplate.hpp"

namespace rollcoach {

std::string routineTemplateBody(const std::string& drill) {
    if (drill == "partner") {
        return "drill: partner         # a massage given by someone else, who glances at the "
               "screen\n"
               "tool: hands            # hands, thumb or fingers; a step may name its own\n"
               "setup:\n"
               "  - The receiver lies face down, or sits backwards on a chair with a pillow.\n"
               "schedule:\n"
               "  rounds: 1\n"
               "  first_side: auto     # alternates between sessions\n"
               "  switch_s: 10\n"
               "steps:\n"
               "  - name: Strokes up the back\n"
               "    sides: both          # once, both sides at once (only first or last)\n"
               "    duration_s: 120\n"
               "    cue: Press on the way up, toward the heart; come down lightly.\n"
               "    place:\n"
               "      # Placed by anatomy, so it fits every body: a hand each side of the spine,\n"
               "      # never on it, on the lower back (docs/routine-format.md).\n"
               "      - {at: lower-back, x_cm: 7.5}\n"
               "      - {at: lower-back, x_cm: -7.5}\n"
               "    motion:\n"
               "      pattern: stroke      # pressed along the points, back along return\n"
               "      points:\n"
               "        - {at: scapula-top, x_cm: 7.5, dy_cm: 2}\n"
               "        - {at: upper-trapezius, dy_cm: 3.5}\n"
               "      return:\n"
               "        - {at: outward-rotators, dy_cm: 6}\n"
               "        - {between: [lower-back, waist], fraction: 0.6, dy_cm: -7}\n"
               "      repeat: 8\n"
               "  - name: Strip beside the blade\n"
               "    tool: thumb\n"
               "    duration_s: 50\n"
               "    place:\n"
               "      - {at: scapula-bottom, dx_cm: -1}\n"
               "    motion: {pattern: strip, points: [{at: scapula-spine-root, dx_cm: 0.5}], "
               "repeat: 5}\n"
               "  - name: Thumb circles\n"
               "    tool: thumb\n"
               "    duration_s: 45\n"
               "    place:\n"
               "      - {at: outward-rotators, dx_cm: -2}\n"
               "    motion: {pattern: friction, amplitude_cm: 0.6, period_s: 1.5}\n";
    }
    if (drill == "self-press") {
        return "drill: self-press      # your own fingers on a pressure point\n"
               "tool: fingers\n"
               "setup:\n"
               "  - Sit upright; reach the other hand over the shoulder.\n"
               "schedule:\n"
               "  rounds: 1\n"
               "  first_side: auto     # alternates between sessions\n"
               "  switch_s: 6\n"
               "steps:\n"
               "  - name: Press\n"
               "    duration_s: 20\n"
               "    cue: Press until the spot feels tender, no more.\n"
               "    place:\n"
               "      - {at: scapula-top, x_cm: 5.5}   # beside the spine, never on it\n"
               "    motion: hold\n"
               "  - name: Circle\n"
               "    duration_s: 20\n"
               "    place:\n"
               "      - {at: scapula-top, x_cm: 5.5}\n"
               "    motion: {pattern: friction, amplitude_cm: 0.5, period_s: 1.5}\n"
               "  - name: Relax\n"
               "    duration_s: 15\n"
               "    cue: Hands on your lap.\n"
               "    place: []              # a rest, hands off the back\n";
    }
    const bool lying = drill == "lying";
    return std::string(lying ? "drill: lying           # lying face up; wall: standing, back to a "
                               "wall\n"
                             : "drill: wall            # wall (standing, back to a wall) or lying "
                               "(face up)\n") +
           "ball: tennis           # tennis, yoga-tune-up, yoga-tune-up-plus or {diameter_cm: 7}\n"
           "setup:\n" +
           (lying ? "  - Lie face up, the ball under the top of the shoulder.\n"
                  : "  - Stand with your back to a wall, the ball between shoulder blade and "
                    "spine.\n") +
           "schedule:\n"
           "  rounds: 1\n"
           "  first_side: auto     # alternates between sessions\n"
           "  switch_s: 8\n"
           "  days: [mon, thu]\n"
           "  # time: \"07:30\"    # when it is due; without it, the time in settings.yaml\n"
           "steps:\n"
           "  - name: Hold\n"
           "    duration_s: 30\n"
           "    cue: Lean in gently and breathe.\n"
           "    place:\n"
           "      # By anatomy, so it fits every body: beside the spine, never on it, a tenth of\n"
           "      # the way down the shoulder blade's inner edge (docs/routine-format.md).\n"
           "      - {between: [scapula-spine-root, scapula-bottom], fraction: 0.1, x_cm: 7.5}\n"
           "    motion: hold\n"
           "  - name: Up and down\n"
           "    duration_s: 40\n"
           "    cue: " +
           (lying ? "Push gently through your feet to slide up and down a little.\n"
                  : "Bend and straighten your knees slowly.\n") +
           "    place:\n"
           "      - {between: [scapula-spine-root, scapula-bottom], fraction: 0.3, x_cm: 7.5}\n"
           "    motion: {pattern: vertical, amplitude_cm: 4, period_s: 8}\n";
}

} // namespace rollcoach
