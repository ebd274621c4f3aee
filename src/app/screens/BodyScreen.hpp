#pragma once

#include "Screen.hpp"
#include "app/Controls.hpp"
#include "app/Drawing.hpp"
#include "core/BodyChoice.hpp"

#include <string>
#include <utility>
#include <vector>

namespace rollcoach {

/// "Your body": the body type, shoulder width and height, set with the keys, the mouse or a
/// gamepad. The body is drawn as it changes, with a routine's placements on it, and the screen
/// says at once whether the routine fits. Saving writes the settings file and asks the app to
/// use the new body.
class BodyScreen : public Screen {
public:
    /// `routineFile`: the routine shown on the body ("" for none). `firstOffer`: offered on
    /// the first start, so leaving it in any way means it is not offered again.
    BodyScreen(AppResources& app, std::string routineFile, bool firstOffer);
    void layout(sf::Vector2u size) override;
    ScreenRequest handle(const sf::Event& event) override;
    void draw(sf::RenderTarget& target) const override;

    const BodyDraft& draft() const { return m_draft; }
    /// The body as drawn now, and the routine on it.
    const BodyModel& preview() const { return m_preview; }
    const RoutineOnBody& routine() const { return m_routine; }
    /// What the screen says of the routine on this body, in words ("" with no routine).
    const std::string& fitText() const { return m_fitText; }
    /// Why the last save failed ("" when it did not).
    const std::string& problem() const { return m_problem; }

private:
    void refresh();
    bool arrange(float t);
    ScreenRequest save();
    ScreenRequest skip();
    ScreenRequest press(const std::string& button);

    AppResources& m_app;
    std::string m_routineFile;
    bool m_firstOffer;
    std::string m_bodyText; // body.yaml, read once: the body is built anew at every change
    std::string m_routineText;
    std::string m_routineProblem;
    BodyDraft m_draft;
    BodyModel m_preview; // declared before the diagram, which points to it
    RoutineOnBody m_routine;
    std::string m_fitText;
    std::string m_problem;
    BodyDiagram m_diagram;
    ControlMap m_controls;
    // The routine's contact patches at every moment of a side, drawn as a trail, with each
    // step's placements drawn in full; those off the body in the warning colour.
    struct Mark {
        Point at;
        double radiusCm = 0;
        bool offBody = false;
        std::optional<Tool> tool;
    };
    std::vector<Mark> m_placements;
    std::vector<Mark> m_trail;
    sf::Color m_ballColour;

    sf::Vector2u m_size{1280, 720};
    std::vector<PlacedText> m_texts;
    std::vector<std::pair<BodyField, sf::FloatRect>> m_fields;
    std::vector<std::pair<std::string, sf::FloatRect>> m_buttons; // "men", "save", "height+"...
    sf::FloatRect m_bodyArea;
    float m_edge = 4;
};

} // namespace rollcoach
