#pragma once

#include "BodyModel.hpp"
#include "Clock.hpp"
#include "DataPaths.hpp"
#include "History.hpp"
#include "SafetyCheck.hpp"
#include "Schedule.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rollcoach {

/// Everything both front ends share: where rollcoach's data and the person's files are,
/// their settings, whose body is modelled, and the one clock of the program.
struct Workspace {
    std::string executablePath;
    /// The folder that holds the binary, links resolved: the modules are loaded from beside it.
    std::string programFolder;
    DataPaths paths;                     ///< empty dataDir when not found
    std::vector<std::string> pathsTried; ///< where it was looked for
    Settings settings;                   ///< from settingsFile, read once
    std::string bodyProfile = "men";
    std::optional<double> shoulderWidthCm;
    std::optional<double> heightCm;
    std::string dataDir; ///< history and the user's routines
    std::string settingsFile;
    std::string stateDir; ///< what the program keeps for itself ($XDG_STATE_HOME/rollcoach)
    std::string cacheDir; ///< what may be thrown away and made again ($XDG_CACHE_HOME/rollcoach)
    const Clock* clock = nullptr; ///< never null once the command line has set it up

    std::int64_t now() const { return clock != nullptr ? clock->now() : 0; }
    std::string userRoutinesDir() const { return dataDir + "/routines"; }
};

/// The body model for the workspace's profile; nullopt with the reason in `why` (already
/// located: "file:line:col: ...", or where the data folder was looked for).
std::optional<BodyModel> loadBody(const Workspace& workspace, std::string& why);

/// Opens the history in the workspace's data folder. `notice` receives what was done to a
/// bad file, if anything. Throws HistoryError when no history can be used.
std::unique_ptr<History> openHistory(const Workspace& workspace, std::string& notice);

/// The sessions a side choice or the day's plan needs (totals, no steps), newest first; none
/// when there is no history or it cannot be read. `read`, if given, says whether it was.
std::vector<SessionRecord> recentSessions(const History* history, bool* read = nullptr);

/// The first side for a session: `forced` if given, else the routine's own, else the history
/// (`historyRead` false: it could not be read).
SideChoice firstSideFor(const Routine& routine, std::optional<Side> forced,
                        const std::vector<SessionRecord>& history, std::int64_t now,
                        bool historyRead = true);

/// The local calendar day of a moment.
Date localDate(std::int64_t secondsSinceEpoch);

/// A routine file as the library holds it: loaded, or with its first error.
struct RoutineEntry {
    std::string file;
    bool shipped = true;
    std::optional<Routine> routine;
    std::string hash; ///< of the text the routine was read from
    Diagnostics diagnostics;
    double totalS = 0;
    /// A routine that reads well but does not fit this body (a ball or a hand goes off it):
    /// kept, so that what is due still names it, with why.
    std::optional<Routine> unfit;
    std::string notFit; ///< why, in the person's words ("" when it fits or is broken)

    /// The first error, located in the file's name ("" when it loaded).
    std::string firstError() const;
    /// True when a placement of the routine comes on or near the spine or the neck.
    bool hasSafetyWarnings() const;
};

/// Every shipped routine, then the person's own, each loaded once. With
/// PlacementCheck::ErrorsOnly (enough to know what is due) a broken routine is still found,
/// but no entry carries spine or neck warnings.
std::vector<RoutineEntry> loadRoutineLibrary(const Workspace& workspace, const BodyModel& body,
                                             PlacementCheck what = PlacementCheck::WithWarnings);

/// The entries that loaded, as (file, routine).
std::vector<std::pair<std::string, Routine>>
usableRoutines(const std::vector<RoutineEntry>& library);

/// What the plan names: the routines that loaded and those that do not fit the person's
/// body, which are never dropped from it in silence.
std::vector<std::pair<std::string, Routine>>
plannedRoutines(const std::vector<RoutineEntry>& library);

/// Why a routine of the library does not fit the body ("" when it does, or is not there).
std::string notFitFor(const std::vector<RoutineEntry>& library, const std::string& file);

/// What to do about a routine that does not fit, in the person's words.
std::string notFitAdvice();

/// Where a routine due today stands.
enum class DayState { Due, Partial, Done };

/// A session due today, and what has been done of it so far.
struct DueSession {
    PlannedSession planned;
    DayState state = DayState::Due;
    SideChoice firstSide;  ///< for the next session of it
    double doneLeftS = 0;  ///< the best partial or stopped session of it today
    double doneRightS = 0; ///< (0 when there was none)
    double plannedPerSideS = 0;
    std::string notFit; ///< why it does not fit the person's body ("" when it does)
};

/// What is due today among these routines, from the history (newest first; `historyRead`
/// false: it could not be read).
std::vector<DueSession> dueToday(const std::vector<std::pair<std::string, Routine>>& routines,
                                 const std::vector<SessionRecord>& history, std::int64_t now,
                                 const Settings& settings, bool historyRead = true);

/// What is due today in the library, those that do not fit the body included, with why.
std::vector<DueSession> dueToday(const std::vector<RoutineEntry>& library,
                                 const std::vector<SessionRecord>& history, std::int64_t now,
                                 const Settings& settings, bool historyRead = true);

} // namespace rollcoach
