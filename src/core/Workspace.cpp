#include "Workspace.hpp"
#include "Translate.hpp"

#include "EveryBody.hpp"
#include "RoutineLoader.hpp"
#include "SafetyCheck.hpp"
#include "Timeline.hpp"

#include <algorithm>
#include <ctime>
#include <filesystem>

namespace rollcoach {

std::optional<BodyModel> loadBody(const Workspace& workspace, std::string& why) {
    if (workspace.paths.dataDir.empty()) {
        why = std::string("rollcoach: error: ") +
              _("cannot find the data folder (assets/body.yaml); looked in:");
        for (const std::string& dir : workspace.pathsTried) {
            why += ' ' + dir;
        }
        return std::nullopt;
    }
    try {
        return BodyModel::load(
            workspace.paths.bodyModel(),
            BodyProfile{workspace.bodyProfile, workspace.shoulderWidthCm, workspace.heightCm});
    } catch (const DataFileError& error) {
        why = error.what();
        return std::nullopt;
    }
}

std::unique_ptr<History> openHistory(const Workspace& workspace, std::string& notice) {
    return History::open(workspace.dataDir, workspace.now(), notice);
}

std::vector<SessionRecord> recentSessions(const History* history, bool* read) {
    if (read != nullptr) {
        *read = false;
    }
    if (history == nullptr) {
        return {};
    }
    try {
        std::vector<SessionRecord> sessions = history->sessions(500, false);
        if (read != nullptr) {
            *read = true;
        }
        return sessions;
    } catch (const HistoryError&) {
        // An unreadable history leaves every choice at its default.
        return {};
    }
}

SideChoice firstSideFor(const Routine& routine, std::optional<Side> forced,
                        const std::vector<SessionRecord>& history, std::int64_t now,
                        bool historyRead) {
    if (forced) {
        return {*forced, _("chosen with --first-side")};
    }
    return chooseFirstSide(routine, history, now, historyRead);
}

Date localDate(std::int64_t secondsSinceEpoch) {
    const std::time_t t = static_cast<std::time_t>(secondsSinceEpoch);
    std::tm tm{};
    localtime_r(&t, &tm);
    return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

std::string RoutineEntry::firstError() const {
    for (const Diagnostic& d : diagnostics) {
        if (d.severity == Severity::Error) {
            return formatDiagnostic(std::filesystem::path(file).filename().string(), d);
        }
    }
    return {};
}

bool RoutineEntry::hasSafetyWarnings() const {
    return routine.has_value() && hasWarnings(diagnostics);
}

std::vector<RoutineEntry> loadRoutineLibrary(const Workspace& workspace, const BodyModel& body,
                                             PlacementCheck what) {
    std::vector<RoutineEntry> entries;
    std::vector<std::string> shippedHashes;
    auto add = [&](const std::string& folder, bool shipped) {
        for (const std::string& file : routineFilesIn(folder)) {
            RoutineLoad load = loadRoutineFile(file, body);
            if (shipped) {
                shippedHashes.push_back(load.hash);
            } else if (!load.hash.empty() && std::find(shippedHashes.begin(), shippedHashes.end(),
                                                       load.hash) != shippedHashes.end()) {
                // A copy of a shipped routine, as an older install left among the person's
                // own: the same routine, listed once.
                continue;
            }
            // Read well before its places are checked: if they are what fails, it is a
            // routine that does not fit this body, not a broken one.
            std::optional<Routine> read = load.routine;
            checkPlacements(load, body, what);
            RoutineEntry entry;
            entry.file = file;
            entry.shipped = shipped;
            entry.hash = std::move(load.hash);
            entry.diagnostics = std::move(load.diagnostics);
            if (load.routine) {
                entry.totalS = Timeline(*load.routine, Side::Left).totalS();
                entry.routine = std::move(load.routine);
            } else if (read) {
                entry.notFit = notFitReason(entry.diagnostics);
                if (!entry.notFit.empty()) {
                    entry.totalS = Timeline(*read, Side::Left).totalS();
                    entry.unfit = std::move(read);
                }
            }
            entries.push_back(std::move(entry));
        }
    };
    add(workspace.paths.routinesDir(), true);
    // The person's folder may be the shipped one (--data-dir naming the app's data).
    std::error_code ec;
    if (!std::filesystem::equivalent(workspace.paths.routinesDir(), workspace.userRoutinesDir(),
                                     ec)) {
        add(workspace.userRoutinesDir(), false);
    }
    return entries;
}

std::vector<std::pair<std::string, Routine>>
usableRoutines(const std::vector<RoutineEntry>& library) {
    std::vector<std::pair<std::string, Routine>> routines;
    for (const RoutineEntry& entry : library) {
        if (entry.routine) {
            routines.emplace_back(entry.file, *entry.routine);
        }
    }
    return routines;
}

std::vector<std::pair<std::string, Routine>>
plannedRoutines(const std::vector<RoutineEntry>& library) {
    std::vector<std::pair<std::string, Routine>> routines;
    for (const RoutineEntry& entry : library) {
        if (entry.routine) {
            routines.emplace_back(entry.file, *entry.routine);
        } else if (entry.unfit) {
            routines.emplace_back(entry.file, *entry.unfit);
        }
    }
    return routines;
}

std::string notFitFor(const std::vector<RoutineEntry>& library, const std::string& file) {
    for (const RoutineEntry& entry : library) {
        if (entry.file == file) {
            return entry.notFit;
        }
    }
    return {};
}

std::string notFitAdvice() {
    return _("set your body (body type, shoulder width and height: B on the list, or --body, "
             "--shoulder-width-cm and --height-cm), or use a version of the routine placed by "
             "anatomy, which fits every body");
}

std::vector<DueSession> dueToday(const std::vector<RoutineEntry>& library,
                                 const std::vector<SessionRecord>& history, std::int64_t now,
                                 const Settings& settings, bool historyRead) {
    std::vector<DueSession> due =
        dueToday(plannedRoutines(library), history, now, settings, historyRead);
    for (DueSession& session : due) {
        session.notFit = notFitFor(library, session.planned.routineFile);
    }
    return due;
}

std::vector<DueSession> dueToday(const std::vector<std::pair<std::string, Routine>>& routines,
                                 const std::vector<SessionRecord>& history, std::int64_t now,
                                 const Settings& settings, bool historyRead) {
    const Date today = localDate(now);
    std::vector<DueSession> due;
    for (const PlannedSession& planned : weeklyPlan(routines, today, 1, settings)) {
        const auto routine = std::find_if(routines.begin(), routines.end(), [&](const auto& entry) {
            return entry.first == planned.routineFile;
        });
        DueSession session;
        session.planned = planned;
        session.plannedPerSideS = routine->second.sideSeconds() * routine->second.schedule.rounds;
        for (const SessionRecord& r : history) {
            if (!isOf(r, planned.key, planned.title) || localDate(r.startedAt) != today) {
                continue;
            }
            if (countsAsDone(r)) {
                session.state = DayState::Done;
            } else if (r.didWork() && session.state != DayState::Done) {
                session.state = DayState::Partial;
                if (r.leftS + r.rightS > session.doneLeftS + session.doneRightS) {
                    session.doneLeftS = r.leftS;
                    session.doneRightS = r.rightS;
                }
            }
        }
        session.firstSide = chooseFirstSide(routine->second, history, now, historyRead);
        due.push_back(std::move(session));
    }
    return due;
}

} // namespace rollcoach
