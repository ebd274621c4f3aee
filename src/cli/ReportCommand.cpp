#include "ReportCommand.hpp"

#include "Sessions.hpp"
#include "Subcommand.hpp"
#include "core/DataPaths.hpp"
#include "core/PrintableText.hpp"
#include "core/Report.hpp"
#include "core/TextFile.hpp"
#include "core/Translate.hpp"
#include "modules/DesktopModules.hpp"
#include "modules/ModuleLoader.hpp"

#include <filesystem>
#include <memory>
#include <ostream>
#include <sys/stat.h>

namespace rollcoach {

namespace {

// Written beside and renamed over, so a full disk or a killed process leaves no half a file
// and the old one whole; a folder, a FIFO or a device at the path is named and left alone.
// `cannotWrite` is the sentence said when it fails, with {0} for why.
bool writeOutput(const std::string& path, const std::string& bytes, const char* cannotWrite,
                 std::ostream& err) {
    std::string why;
    if (!writeFileAtomically(path, bytes, why)) {
        err << "rollcoach: error: " << printable(path) << ": "
            << rollcoach::fillIn(cannotWrite, why) << "\n";
        return false;
    }
    return true;
}

// Where a path leads: its symbolic links followed, also a last one that points to no file yet.
std::filesystem::path whereItLeads(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path at = fs::absolute(path, ec);
    for (int hops = 0; hops < 40 && fs::is_symlink(fs::symlink_status(at, ec)); ++hops) {
        const fs::path target = fs::read_symlink(at, ec);
        if (ec) {
            break;
        }
        at = target.is_absolute() ? target : at.parent_path() / target;
    }
    const fs::path resolved = fs::weakly_canonical(at, ec);
    return ec ? at.lexically_normal() : resolved;
}

// Whether two paths name one file: the same device and inode when both exist (hard links,
// symbolic links, "./x" and "x"), else the same place once the links are followed.
bool sameFile(const std::string& a, const std::string& b) {
    struct stat first {};
    struct stat second {};
    const bool firstExists = ::stat(a.c_str(), &first) == 0;
    const bool secondExists = ::stat(b.c_str(), &second) == 0;
    if (firstExists && secondExists) {
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino;
    }
    return firstExists == secondExists && whereItLeads(a) == whereItLeads(b);
}

} // namespace

int reportCommand(int weeks, const std::string& pdfFile, const std::string& csvFile,
                  const Workspace& workspace, std::ostream& out, std::ostream& err,
                  const std::string& name, const std::string& note) {
    // One file for both would end up holding the one written last: refused before anything
    // is read or written.
    if (!pdfFile.empty() && !csvFile.empty() && csvFile != "-" && sameFile(pdfFile, csvFile)) {
        err << "rollcoach: usage error: " // untranslated: prefix
            << rollcoach::fillIn(
                   _("--out {0} and --csv {1} name the same file: give the report and the rows "
                     "a file each"),
                   printable(pdfFile), printable(csvFile))
            << "\n";
        return 2;
    }
    const auto body = bodyOrSay(workspace, err);
    if (!body) {
        return 1;
    }
    // The PDF module is found before anything is read, so a build without it says so at once.
    DrawReportPdf draw = nullptr;
    if (!pdfFile.empty()) {
        std::string why;
        draw = loadModuleEntry<DrawReportPdf>(
            modulePaths(workspace.programFolder, kReportModuleName), kDrawReportPdfSymbol, why);
        if (draw == nullptr) {
            err << "rollcoach: error: "
                << rollcoach::fillIn(_("cannot write PDF reports: {0}"), why) << "\n";
            return 1;
        }
    }
    auto history = historyOrSay(workspace, err);
    if (!history) {
        return 1;
    }
    std::vector<SessionRecord> sessions;
    try {
        sessions = history->sessions(History::kEverySession, true);
    } catch (const HistoryError& error) {
        err << "rollcoach: error: "
            << rollcoach::fillIn(_("cannot read the history: {0}"), printable(error.what()))
            << "\n";
        return 1;
    }
    sayLeftOut(*history, err);
    const auto routines =
        usableRoutines(loadRoutineLibrary(workspace, *body, PlacementCheck::ErrorsOnly));
    ReportData data = gatherReport(sessions, routines, weeks, workspace.now(), workspace.settings);
    data.name = name;
    data.note = note;
    if (!csvFile.empty()) {
        const std::string csv = reportCsv(data);
        if (csvFile == "-") {
            out << csv;
        } else if (!writeOutput(csvFile, csv, _("cannot write the rows: {0}"), err)) {
            return 1;
        } else {
            out << printable(csvFile) << ": "
                << plural(data.sessions.size(), "{0} session", "{0} sessions") << "\n";
        }
    }
    if (draw != nullptr) {
        std::string pdf;
        std::string why;
        if (!draw(reportDocument(data), pdf, why)) {
            err << "rollcoach: error: " << rollcoach::fillIn(_("cannot draw the report: {0}"), why)
                << "\n";
            return 1;
        }
        if (!writeOutput(pdfFile, pdf, _("cannot write the report: {0}"), err)) {
            return 1;
        }
        const std::string sessionsText =
            plural(data.sessions.size(), "{0} session", "{0} sessions");
        out << printable(pdfFile)
            << ": "
            // TRANSLATORS: {0} is the number of weeks, {1} "3 sessions" as said just above.
            << plural(static_cast<unsigned long>(weeks), "{1} over {0} week", "{1} over {0} weeks",
                      sessionsText)
            << "\n";
    }
    return 0;
}

namespace {

struct ReportOptions {
    int weeks = 4;
    std::string pdfFile;
    std::string csvFile;
    std::string name;
    std::string note;
};

} // namespace

Subcommand addReportCommand(CLI::App& app) {
    auto options = std::make_shared<ReportOptions>();
    CLI::App* command = app.add_subcommand(
        "report",
        _("a PDF report of the last weeks for a physiotherapist, and the raw rows as CSV"));
    command->add_option("--weeks", options->weeks, _("how many weeks (default 4, 1-52)"))
        ->check(CLI::Range(1, 52));
    command->add_option("--out", options->pdfFile, _("the PDF file to write"));
    command->add_option("--csv", options->csvFile,
                        _("a CSV file of one row per session ('-' prints it)"));
    command->add_option("--name", options->name,
                        _("the person the report is about, printed on its first page"));
    command->add_option("--note", options->note,
                        _("a note for the reader, printed on the first page"));
    return {command, [options](CommandContext& context) {
                if (options->pdfFile.empty() && options->csvFile.empty()) {
                    context.err << "rollcoach: usage error: " // untranslated: prefix
                                << _("report needs --out FILE.pdf, --csv FILE, or both") << "\n";
                    return 2;
                }
                return reportCommand(options->weeks, options->pdfFile, options->csvFile,
                                     context.workspace, context.out, context.err, options->name,
                                     options->note);
            }};
}

} // namespace rollcoach
