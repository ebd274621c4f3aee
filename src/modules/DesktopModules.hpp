#pragma once

// The boundary between rollcoach and the modules that link desktop libraries: the
// notification module (rollcoach-notify.so, GLib's D-Bus) and the report module
// (rollcoach-report.so, cairo and Pango). The window shares the binary with the command line, so
// these are loaded only by the commands that use them and the window never maps those libraries.

#include "core/Report.hpp"

#include <string>
#include <utility>
#include <vector>

namespace rollcoach {

/// A notification to post, with its actions as (key, label).
struct NotificationRequest {
    std::string appName;
    std::string summary;
    std::string body;
    std::string icon; ///< a file path or an icon name; may be empty
    std::vector<std::pair<std::string, std::string>> actions;
    int waitS = 0; ///< how long to wait for an action before closing it
    /// The most the whole exchange may take, every call to the server and the wait for an
    /// action included, in milliseconds.
    int deadlineMs = 5000;
};

/// Why a notification could not be posted.
enum class NotificationFailure {
    None,
    NoBus,       ///< no session bus to ask
    NoServer,    ///< nothing serves org.freedesktop.Notifications
    NoAnswer,    ///< the server did not answer within the wait
    WrongAnswer, ///< the server answered with something the spec does not allow
    Refused,     ///< the server answered with an error
};

/// What became of a notification.
struct NotificationResult {
    NotificationFailure failure = NotificationFailure::None;
    bool posted = false;
    bool actionsShown = false; ///< false when the server shows no buttons
    std::string action;        ///< the key of the action taken, "" when none
    bool closed = false;       ///< dismissed before the wait ran out
    std::string error;         ///< why it could not be posted
};

/// The module's entry point: posts the notification and waits for an action, a dismissal or
/// the end of the wait, whichever comes first, never past `request.deadlineMs`. False, with
/// `result.failure` and `result.error`, when it could not be posted.
using PostNotification = bool (*)(const NotificationRequest& request, NotificationResult& result);

constexpr const char* kPostNotificationSymbol = "rollcoach_post_notification";
constexpr const char* kNotifyModuleName = "rollcoach-notify.so";

/// The report module's entry point: draws the report as a PDF into `pdf`. False, with
/// `error`, when cairo could not draw it.
using DrawReportPdf = bool (*)(const ReportDocument& report, std::string& pdf, std::string& error);

/// The entry point's name carries the version of ReportDocument it reads, raised whenever that
/// changes: a module from another build (an older install beside a newer binary) is then
/// refused by name, "has no rollcoach_draw_report_pdf_2", never handed a document it would
/// misread. 2: a routine's lines are ReportLines, a pain stop marked by a flag.
constexpr const char* kDrawReportPdfSymbol = "rollcoach_draw_report_pdf_2";
constexpr const char* kReportModuleName = "rollcoach-report.so";

} // namespace rollcoach
