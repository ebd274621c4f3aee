#pragma once

#include "Screen.hpp"
#include "app/Drawing.hpp"
#include "core/PlanKept.hpp"

#include <string>
#include <utility>
#include <vector>

namespace rollcoach {

/// The routine library: shipped routines and the person's own, broken ones with their first
/// error, what is due today, and this week's plan at a glance.
class ListScreen : public Screen {
public:
    explicit ListScreen(AppResources& app);
    void layout(sf::Vector2u size) override;
    ScreenRequest handle(const sf::Event& event) override;
    void draw(sf::RenderTarget& target) const override;
    void shown() override;

    const std::vector<RoutineEntry>& entries() const { return m_entries; }
    /// The title and the reason of an entry that does not fit the body ("" for one that does).
    const std::pair<std::string, std::string>& notFit(std::size_t i) const { return m_notFit[i]; }
    const std::vector<DueSession>& dueToday() const { return m_due; }
    const std::vector<PlannedDayState>& week() const { return m_week; }
    /// The routine chosen: at first, the first one due today and not yet done.
    std::size_t selected() const { return m_selected; }

private:
    void reload();
    ScreenRequest open() const;
    ScreenRequest bodyScreen() const;
    ScreenRequest editCopy() const;
    bool arrange(sf::Vector2u size, float t);

    AppResources& m_app;
    std::vector<RoutineEntry> m_entries;
    /// For each entry that does not fit the body: its title and why; empty for the others.
    std::vector<std::pair<std::string, std::string>> m_notFit;
    std::vector<DueSession> m_due;
    std::vector<PlannedDayState> m_week;
    std::size_t m_selected = 0;
    sf::Vector2u m_size;
    std::vector<sf::FloatRect> m_rows; // hit areas, from layout
    std::vector<PlacedText> m_texts;   // from layout
    float m_edge = 4;                  // the selected row's border
    std::vector<sf::FloatRect> m_days; // the week's days, Monday first
    int m_today = 0;
    std::vector<std::pair<std::string, sf::FloatRect>> m_buttons;
};

} // namespace rollcoach
