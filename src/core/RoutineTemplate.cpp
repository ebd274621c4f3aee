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
               "      - {x_cm: 8, y_cm: 44}    # one hand each side of the spine, never on it\n"
               "      - {x_cm: -8, y_cm: 44}\n"
               "    motion:\n"
               "      pattern: stroke      # pressed along the points, back along return\n"
               "      points: [{x_cm: 8, y_cm: 6}, {x_cm: 15, y_cm: 7.5}]\n"
               "      return: [{x_cm: 15, y_cm: 20}, {x_cm: 13, y_cm: 36}]\n"
               "      repeat: 8\n"
               "  - name: Strip beside the blade\n"
               "    tool: thumb\n"
               "    duration_s: 50\n"
               "    place:\n"
               "      - {x_cm: 7.5, y_cm: 18}\n"
               "    motion: {pattern: strip, points: [{x_cm: 6.8, y_cm: 6}], repeat: 5}\n"
               "  - name: Thumb circles\n"
               "    tool: thumb\n"
               "    duration_s: 45\n"
               "    place:\n"
               "      - {x_cm: 9, y_cm: 13}\n"
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
               "      - {x_cm: 5.5, y_cm: 4.5}   # beside the spine, never on it\n"
               "    motion: hold\n"
               "  - name: Circle\n"
               "    duration_s: 20\n"
               "    place:\n"
               "      - {x_cm: 5.5, y_cm: 4.5}\n"
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
           "steps:\n"
           "  - name: Hold\n"
           "    duration_s: 30\n"
           "    cue: Lean in gently and breathe.\n"
           "    place:\n"
           "      - {x_cm: 7.5, y_cm: 9}   # beside the spine, never on it\n"
           "    motion: hold\n"
           "  - name: Up and down\n"
           "    duration_s: 40\n"
           "    cue: " +
           (lying ? "Push gently through your feet to slide up and down a little.\n"
                  : "Bend and straighten your knees slowly.\n") +
           "    place:\n"
           "      - {x_cm: 7.5, y_cm: 11}\n"
           "    motion: {pattern: vertical, amplitude_cm: 4, period_s: 8}\n";
}

} // namespace rollcoach
