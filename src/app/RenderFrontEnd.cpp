#include "RenderFrontEnd.hpp"

#include "Png.hpp"
#include "core/Translate.hpp"
#include "screens/BodyScreen.hpp"
#include "screens/EditorScreen.hpp"
#include "screens/HelpScreen.hpp"
#include "screens/ProgressScreen.hpp"
#include "screens/SessionScreen.hpp"
#include "screens/SetupScreen.hpp"

#include <filesystem>
#include <ostream>

namespace rollcoach {

namespace {

int drawToPng(const Screen& screen, sf::Vector2u size, const std::string& outFile,
              std::ostream& out, std::ostream& err) {
    sf::RenderTexture texture;
    if (!texture.create(size.x, size.y)) {
        err << "rollcoach: error: "
            << rollcoach::fillIn(_("cannot create a {0}x{1} image to draw into"), size.x, size.y)
            << "\n";
        return 1;
    }
    screen.draw(texture);
    texture.display();
    const sf::Image image = texture.getTexture().copyToImage();
    std::string why;
    if (!savePng(image, outFile, why)) {
        err << "rollcoach: error: " << outFile << ": "
            << rollcoach::fillIn(_("cannot write the image: {0}"), why) << "\n";
        return 1;
    }
    out << outFile << "\n";
    return 0;
}

} // namespace

int renderMoment(AppResources& app, const WindowRequest& request, const RoutineEntry& routine,
                 std::ostream& out, std::ostream& err) {
    const std::filesystem::path outPath(request.outFile);
    if (outPath.extension() != ".png") {
        err << "rollcoach: error: " << request.outFile << ": "
            << _("the output must be a .png file") << "\n";
        return 1;
    }
    const sf::Vector2u size(request.width, request.height);
    if (request.picture == WindowRequest::Picture::Help) {
        HelpScreen screen(app);
        screen.layout(size);
        return drawToPng(screen, size, request.outFile, out, err);
    }
    if (request.picture == WindowRequest::Picture::Progress) {
        ProgressScreen screen(app, routine.routine->key);
        screen.waitForHistory();
        screen.layout(size);
        return drawToPng(screen, size, request.outFile, out, err);
    }
    if (request.picture == WindowRequest::Picture::Edit) {
        EditorScreen screen(app, routine.file, "wall");
        screen.layout(size);
        screen.chooseStep(request.editStep > 0 ? request.editStep - 1 : 0);
        if (request.editPlace) {
            screen.dropAt(*request.editPlace);
        }
        return drawToPng(screen, size, request.outFile, out, err);
    }
    if (request.picture == WindowRequest::Picture::Body) {
        BodyScreen screen(app, routine.file, false);
        screen.layout(size);
        return drawToPng(screen, size, request.outFile, out, err);
    }
    if (request.picture == WindowRequest::Picture::Setup) {
        SetupScreen screen(app, *routine.routine, {routine.file, routine.hash}, request.firstSide);
        screen.layout(size);
        return drawToPng(screen, size, request.outFile, out, err);
    }
    const Side first = firstSideFor(*routine.routine, request.firstSide,
                                    recentSessions(app.history), app.workspace.now())
                           .side;
    SessionOptions options;
    options.startAtS = request.atS;
    options.paused = request.paused;
    Session session(*routine.routine, {routine.file, routine.hash}, first, app.body,
                    *app.workspace.clock, nullptr, {}, options);
    if (request.askingToLeave) {
        session.askToLeave();
    }
    SessionScreen screen(app, session);
    screen.layout(size);
    return drawToPng(screen, size, request.outFile, out, err);
}

} // namespace rollcoach
