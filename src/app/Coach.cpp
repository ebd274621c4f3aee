#include "Coach.hpp"

#include "core/BodyChoice.hpp"
#include "core/EveryBody.hpp"
#include "core/RoutineLoader.hpp"
#include "core/SafetyCheck.hpp"
#include "core/Translate.hpp"
#include "screens/BodyScreen.hpp"
#include "screens/EditorScreen.hpp"
#include "screens/EndScreen.hpp"
#include "screens/ExploreScreen.hpp"
#include "screens/HelpScreen.hpp"
#include "screens/ListScreen.hpp"
#include "screens/NotFitScreen.hpp"
#include "screens/ProgressScreen.hpp"
#include "screens/SessionScreen.hpp"
#include "screens/SetupScreen.hpp"

#include <chrono>
#include <ostream>

namespace rollcoach {

Coach::Coach(AppResources& app, const WindowRequest& request,
             const std::optional<RoutineEntry>& given, std::ostream& err)
    : m_app(app), m_request(request), m_given(given), m_err(err) {
    // The session decides whether a line waiting to be said is still due: a stroke's count
    // is said while that stroke lasts, never late. With no session, no cue is due.
    m_app.speech.judgeCues(
        [this](const Cue& cue) { return m_session && m_session->stillDue(cue); });
}

Coach::~Coach() {
    m_app.speech.judgeCues({});
}

void Coach::push(std::unique_ptr<Screen> screen) {
    m_screens.push_back(std::move(screen));
}

Screen* Coach::current() {
    if (m_screens.empty()) {
        return nullptr;
    }
    m_screens.back()->layoutFor(m_size);
    return m_screens.back().get();
}

bool Coach::start(sf::Vector2u size) {
    m_size = size;
    switch (m_request.mode) {
    case WindowRequest::Mode::Browse: {
        auto list = std::make_unique<ListScreen>(m_app);
        // On the first start, the body screen comes first, once, with a routine on the body.
        const std::string shown = list->entries().empty() ? "" : list->entries().front().file;
        push(std::move(list));
        if (!m_app.workspace.settings.bodyAsked) {
            push(std::make_unique<BodyScreen>(m_app, shown, true));
        }
        return true;
    }
    case WindowRequest::Mode::Explore:
        push(std::make_unique<ExploreScreen>(m_app));
        return true;
    case WindowRequest::Mode::Edit:
        push(std::make_unique<EditorScreen>(m_app, m_request.routineFile, m_request.drill));
        return true;
    case WindowRequest::Mode::Run:
    case WindowRequest::Mode::Render:
        if (std::unique_ptr<Screen> screen = screenFor(m_request.routineFile)) {
            auto* setup = dynamic_cast<SetupScreen*>(screen.get());
            m_givenDoesNotFit = setup == nullptr;
            push(std::move(screen));
            if (setup != nullptr && m_request.autostart) {
                // Starting part-way credits nothing: the steps passed over count as skipped.
                SessionOptions options;
                options.startAtS = m_request.startAtS;
                options.paused = m_request.paused;
                startSession(setup->start(), options);
            }
            return true;
        }
        return false;
    }
    return false;
}

bool Coach::help(const sf::Event& event) {
    if (m_screens.empty()) {
        return false;
    }
    const bool shown = dynamic_cast<HelpScreen*>(m_screens.back().get()) != nullptr;
    if (!shown && m_screens.back()->typing() &&
        !(event.type == sf::Event::KeyPressed && event.key.code == sf::Keyboard::F1)) {
        return false; // H and ? are letters while text is typed
    }
    if (event.type == sf::Event::TextEntered && m_helpKeyDown) {
        return true; // typed by the key that closed the help: it opens nothing
    }
    if (event.type == sf::Event::KeyPressed || event.type == sf::Event::MouseButtonPressed) {
        m_helpKeyDown = false;
    }
    if (!shown) {
        if (!isHelpKey(event)) {
            return false;
        }
        if (m_session && !m_session->over() && !m_session->paused()) {
            m_session->pause();
        }
        // Over the editor, the help lists the editor's keys.
        const bool editor =
            !m_screens.empty() && dynamic_cast<EditorScreen*>(m_screens.back().get()) != nullptr;
        push(std::make_unique<HelpScreen>(m_app, editor));
        return true;
    }
    const bool key = event.type == sf::Event::KeyPressed;
    if (key &&
        (event.key.code == sf::Keyboard::LShift || event.key.code == sf::Keyboard::RShift ||
         event.key.code == sf::Keyboard::LAlt || event.key.code == sf::Keyboard::RAlt ||
         event.key.code == sf::Keyboard::LControl || event.key.code == sf::Keyboard::RControl)) {
        return true; // half of a "?": the help stays
    }
    if ((key && event.key.code == sf::Keyboard::X) ||
        event.type == sf::Event::JoystickButtonPressed) {
        // The pain stop, and any gamepad button, do what they do under the help.
        m_screens.pop_back();
        return false;
    }
    if (key || event.type == sf::Event::MouseButtonPressed || isHelpKey(event)) {
        m_screens.pop_back();
        m_helpKeyDown = key;
        return true;
    }
    return false;
}

void Coach::closeHelp() {
    if (!m_screens.empty() && dynamic_cast<HelpScreen*>(m_screens.back().get()) != nullptr) {
        m_screens.pop_back();
    }
}

bool Coach::follow(const ScreenRequest& request) {
    switch (request.kind) {
    case ScreenRequest::Kind::None:
        return true;
    case ScreenRequest::Kind::Quit:
        return false;
    case ScreenRequest::Kind::Back:
        m_screens.pop_back();
        if (m_screens.empty()) {
            if (m_request.mode != WindowRequest::Mode::Run) {
                return false;
            }
            // A routine opened from the command line sits on the routine list as one chosen
            // there would: Esc shows the list rather than closing the app. The list is made
            // only now, so a session started from the command line does not wait for it.
            dropSession();
            push(std::make_unique<ListScreen>(m_app));
            return true;
        }
        if (m_session && (!m_session->over() || dynamic_cast<EndScreen*>(current()) != nullptr)) {
            // The session's screens still show: the end screen points into the session.
            return true;
        }
        // The session's screens are gone: what the others show may have changed with it.
        dropSession();
        for (auto& screen : m_screens) {
            screen->shown();
        }
        return true;
    case ScreenRequest::Kind::OpenRoutine:
        open(request.file); // the list shows why, when it cannot
        return true;
    case ScreenRequest::Kind::StartSession:
        if (request.start) {
            startSession(*request.start, {});
        }
        return true;
    case ScreenRequest::Kind::Explore:
        push(std::make_unique<ExploreScreen>(m_app));
        return true;
    case ScreenRequest::Kind::Edit:
        push(std::make_unique<EditorScreen>(m_app, request.file, "wall"));
        return true;
    case ScreenRequest::Kind::Progress:
        push(std::make_unique<ProgressScreen>(m_app, request.file));
        return true;
    case ScreenRequest::Kind::Body:
        push(std::make_unique<BodyScreen>(m_app, request.file, false));
        return true;
    case ScreenRequest::Kind::BodyChanged:
        m_screens.pop_back(); // the body screen
        useNewBody();
        if (m_screens.empty()) {
            push(std::make_unique<ListScreen>(m_app));
        }
        return true;
    case ScreenRequest::Kind::SessionOver:
        m_screens.pop_back(); // the session screen
        push(std::make_unique<EndScreen>(m_app, *m_session));
        return true;
    }
    return true;
}

void Coach::startSession(SessionStart start, SessionOptions options) {
    options.muted = m_app.tones.muted();
    m_session = std::make_unique<Session>(std::move(start.routine), std::move(start.source),
                                          start.firstSide, m_app.body, *m_app.workspace.clock,
                                          m_app.history, m_app.historyProblem, options);
    auto screen = std::make_unique<SessionScreen>(m_app, *m_session);
    screen->setBigButton(m_request.bigButton);
    push(std::move(screen));
}

bool Coach::dropSession() {
    if (!m_session) {
        return true;
    }
    bool saved = true;
    const SessionRecorder& recorder = m_session->recorder();
    if (!m_closing && (recorder.kept() > 0 || recorder.waiting() > 0)) {
        // Kept, and tried again, until all of it is written or the window closes.
        m_unsaved.push_back(std::move(m_session));
        return true;
    }
    if (recorder.kept() > 0) {
        // The history never opened: the start said so, and so does the end.
        m_err << "rollcoach: notice: "
              << rollcoach::fillIn(_("this session was not saved: {0}"), m_app.historyProblem)
              << "\n";
    }
    if (const std::size_t lost = m_session->retryHistory(true); lost > 0) {
        m_err << "rollcoach: error: "
              << plural(static_cast<unsigned long>(lost),
                        "history: {0} record of the session could not be written: {1}",
                        "history: {0} records of the session could not be written: {1}",
                        m_session->recorder().lastFailure())
              << "\n";
        saved = false;
    }
    m_session.reset();
    return saved;
}

void Coach::endSession(const std::string& reason) {
    if (m_session && !m_session->over()) {
        m_session->endNow(reason);
    }
}

bool Coach::useReopened() {
    Reopened opened;
    try {
        opened = m_reopening.get();
    } catch (const std::exception& error) {
        m_app.historyProblem = error.what(); // still not: said as it now stands
        return false;
    }
    if (!opened.notice.empty()) {
        m_err << "rollcoach: notice: " << opened.notice << "\n";
    }
    m_reopened = std::move(opened.history);
    m_app.history = m_reopened.get();
    m_app.historyProblem.clear();
    for (const auto& unsaved : m_unsaved) {
        unsaved->attachHistory(m_app.history);
    }
    if (m_session) {
        m_session->attachHistory(m_app.history);
    }
    if (!m_screens.empty()) {
        m_screens.back()->layout(m_size);
    }
    return true;
}

void Coach::reopen() {
    // A short wait for a lock: a window closed meanwhile waits for this at most.
    m_reopening = std::async(std::launch::async,
                             [dir = m_app.workspace.dataDir, now = m_app.workspace.now()] {
                                 Reopened opened;
                                 opened.history = History::open(dir, now, opened.notice, 250);
                                 opened.history->setBusyTimeout(History::kBusyTimeoutMs);
                                 return opened;
                             });
}

void Coach::waitForHistory() {
    if (m_reopening.valid()) {
        m_reopening.wait();
        useReopened();
    }
}

bool Coach::historyAwaited() const {
    // A window with no history and nothing wrong (a render) leaves the history alone.
    return m_app.history == nullptr && !m_app.historyProblem.empty();
}

bool Coach::retryHistory() {
    if (historyAwaited()) {
        constexpr int kEvery = 10; // the window calls twice a second: every 5 s
        if (m_reopening.valid()) {
            if (m_reopening.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
                return useReopened();
            }
        } else if (m_retries++ % kEvery == 0) {
            reopen();
        }
        return false;
    }
    // Sessions gone from the screen whose records wait: tried like the one on screen, let go
    // once all of theirs is written.
    for (auto it = m_unsaved.begin(); it != m_unsaved.end();) {
        it = (*it)->retryHistory() == 0 ? m_unsaved.erase(it) : it + 1;
    }
    if (!m_session || m_session->recorder().waiting() == 0) {
        return false;
    }
    const std::size_t before = m_session->recorder().waiting();
    if (m_session->retryHistory() == before) {
        return false;
    }
    if (!m_screens.empty()) {
        m_screens.back()->layout(m_size);
    }
    return true;
}

bool Coach::finish() {
    endSession("window closed"); // untranslated: a stop reason kept
    m_closing = true;
    if (historyAwaited() &&
        ((m_session && m_session->recorder().kept() > 0) || !m_unsaved.empty())) {
        // A last try at the history the sessions wait for, as every write has.
        if (!m_reopening.valid()) {
            reopen();
        }
        waitForHistory();
    }
    // The screens point into the session: they go first.
    m_screens.clear();
    bool saved = true;
    for (auto& unsaved : m_unsaved) {
        m_session = std::move(unsaved);
        saved = dropSession() && saved;
    }
    m_unsaved.clear();
    return dropSession() && saved;
}

SessionScreen* Coach::sessionScreen() {
    return dynamic_cast<SessionScreen*>(current());
}

bool Coach::control(const SessionCommand& command) {
    closeHelp();
    if (SessionScreen* screen = sessionScreen()) {
        return follow(screen->control(command));
    }
    // On the end screen a spoken number still answers the last side's question.
    if (auto* end = dynamic_cast<EndScreen*>(current())) {
        return follow(end->control(command));
    }
    return true;
}

std::optional<NowPlaying> Coach::nowPlaying() {
    if (SessionScreen* screen = sessionScreen()) {
        return screen->nowPlaying();
    }
    return std::nullopt;
}

SetupScreen* Coach::open(const std::string& file) {
    std::unique_ptr<Screen> screen = screenFor(file);
    if (!screen) {
        return nullptr;
    }
    auto* setup = dynamic_cast<SetupScreen*>(screen.get());
    push(std::move(screen));
    return setup;
}

std::unique_ptr<Screen> Coach::screenFor(const std::string& file) {
    // The routine named on the command line was loaded (and reported on) already.
    std::optional<RoutineEntry> entry;
    if (m_given && m_givenCurrent && file == m_given->file) {
        entry = m_given;
    } else {
        RoutineLoad load = openRoutine(file, m_app.body);
        for (const Diagnostic& d : load.diagnostics) {
            m_err << formatDiagnostic(file, d) << "\n";
        }
        entry = RoutineEntry{
            file, false, std::move(load.routine), load.hash, load.diagnostics, 0, std::nullopt, {}};
    }
    if (!entry->routine) {
        // Never dropped in silence: a routine that does not fit this body says so, and why.
        const std::string reason = notFitReason(entry->diagnostics);
        if (reason.empty()) {
            return nullptr;
        }
        const RoutineOnBody onBody = routineFileOnBody(file, m_app.body);
        return std::make_unique<NotFitScreen>(
            m_app, file, onBody.routine ? onBody.routine->title : file, reason);
    }
    const std::optional<Side> forced =
        file == m_request.routineFile ? m_request.firstSide : std::nullopt;
    return std::make_unique<SetupScreen>(m_app, *entry->routine, RoutineSource{file, entry->hash},
                                         forced);
}

void Coach::useNewBody() {
    std::string why;
    std::optional<BodyModel> body = loadBody(m_app.workspace, why);
    if (!body) {
        m_err << why << "\n";
        return;
    }
    m_app.body = std::move(*body);
    m_givenCurrent = false;
    if (m_givenDoesNotFit) {
        m_givenDoesNotFit = routineFileOnBody(m_request.routineFile, m_app.body).notFit != "";
    }
    for (auto& screen : m_screens) {
        std::string file;
        if (const auto* setup = dynamic_cast<SetupScreen*>(screen.get())) {
            file = setup->file();
        } else if (const auto* notFit = dynamic_cast<NotFitScreen*>(screen.get())) {
            file = notFit->file();
        }
        if (file.empty()) {
            screen->shown();
            continue;
        }
        // Placements resolve per body: the routine is read again for the new one.
        if (std::unique_ptr<Screen> again = screenFor(file)) {
            screen = std::move(again);
        }
    }
}

} // namespace rollcoach
