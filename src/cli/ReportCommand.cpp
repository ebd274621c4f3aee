#include "ReportCommand.hpp"

#include "Sessions.hpp"
#include "Subcommand.hpp"
#include "core/DataPaths.hpp"
#include "core/PrintableText.hpp"
#include "core/Report.hpp"
#include "core/TextFile.hpp"
#include "modules/DesktopModules.hpp"
#include "modules/ModuleLoader.hpp"

#include <filesystem>
#include <memory>
#include <ostream>
#include <sys/stat.h>

namespace rollcoach {

namespace {

// Written beside and renamed over, so a full disk or a killed process leaves no half a file
// and the old one whole. Only a regular file is replaced: a folder, a FIFO or a device at
// the path is named and left alone.
bool writeOutput(const std::string& path, const std::string& bytes, const char* what,
                 std::ostream& err) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
        err << "rollcoach: error: " << printable(path) << ": cannot write the " << what << ": "
            << (S_ISDIR(st.st_mode) ? "it is a folder" : "it is not a regular file") << "\n";
        return false;
    }
    std::string why;
    if (!writeFileAtomically(path, bytes, why)) {
        err << "rollcoach: error: " << printable(path) << ": cannot write the " << what << ": "
            << why << "\n";
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
        err << "rollcoach: usage error: --out " << printable(pdfFile) << " and --csv "
            << printable(csvFile) << " name the same file: give the report and the rows a file "
            << "each\n";
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
            err << "rollcoach: error: cannot write PDF reports: " << why << "\n";
            return 1;
        }
    }
    auto history = historyOrSay(workspace, err);
    if (!history) {
        return 1;
    }
    std::vector<SessionRecord> sessions;
    try {
        sessions = history->sessions(100000, true);
    } catch (const HistoryError& error) {
        err << "rollcoach: error: cannot read the history: " << printable(error.what()) << "\n";
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
        } else if (!writeOutput(csvFile, csv, "rows", err)) {
            return 1;
        } else {
            out << printable(csvFile) << ": " << data.sessions.size()
                << (data.sessions.size() == 1 ? " session\n" : " sessions\n");
        }
    }
    if (draw != nullptr) {
        std::string pdf;
        std::string why;
        if (!draw(reportDocument(data), pdf, why)) {
            err << "rollcoach: error: cannot draw the report: " << why << "\n";
            return 1;
        }
        if (!writeOutput(pdfFile, pdf, "report", err)) {
            return 1;
        }
        out << printable(pdfFile) << ": " << data.sessions.size()
            << (data.sessions.size() == 1 ? " session" : " sessions") << " over " << weeks
            << (weeks == 1 ? " week\n" : " weeks\n");
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
        "report", "a PDF report of the last weeks for a physiotherapist, and the raw rows as CSV");
    command->add_option("--weeks", options->weeks, "how many weeks (default 4, 1-52)")
        ->check(CLI::Range(1, 52));
    command->add_option("--out", options->pdfFile, "the PDF file to write");
    command->add_option("--csv", options->csvFile,
                        "a CSV file of one row per session ('-' prints it)");
    command->add_option("--name", options->name,
                        "the person the report is about, printed on its first page");
    command->add_option("--note", options->note,
                        "a note for the reader, printed on the first page");
    return {command, [options](CommandContext& context) {
                if (options->pdfFile.empty() && options->csvFile.empty()) {
                    context.err << "rollcoach: usage error: report needs --out FILE.pdf, --csv "
                                   "FILE, or both\n";
                    return 2;
                }
                return reportCommand(options->weeks, options->pdfFile, options->csvFile,
                                     context.workspace, context.out, context.err, options->name,
                                     options->note);
            }};
}

} // namespace rollcoach
