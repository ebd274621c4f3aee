#include "SpeechQueue.hpp"

#include <algorithm>

namespace rollcoach {
namespace {

bool cuts(const SpokenLine& line, const SpokenLine& current) {
    return line.weight >= current.weight && line.weight != Cue::Weight::Question && !line.again;
}

// Which waiting line goes first when nothing is said: a question after the step's own line
// that came with it (the get-ready, then how tense the side is), a warning before both.
int rank(const SpokenLine& line) {
    return static_cast<int>(line.weight == Cue::Weight::Question ? Cue::Weight::Step : line.weight);
}

bool isCue(const SpokenLine& line, Cue::Kind kind) {
    return line.cue && line.cue->kind == kind;
}

} // namespace

void SpeechQueue::add(SpokenLine line) {
    const bool resumed = isCue(line, Cue::Kind::Resuming) && line.cue->beat == 1;
    m_waiting.push_back(std::move(line));
    if (resumed && m_cutByPause) {
        // The last beat after a pause: what the pause cut off comes after it.
        m_waiting.push_back(*m_cutByPause);
        m_waiting.back().again = true;
        m_cutByPause.reset();
    }
    while (m_waiting.size() > kMostWaiting) {
        auto least = std::min_element(
            m_waiting.begin(), m_waiting.end(),
            [](const SpokenLine& a, const SpokenLine& b) { return a.weight < b.weight; });
        m_waiting.erase(least);
    }
}

void SpeechQueue::clear() {
    m_waiting.clear();
    m_cutByPause.reset();
}

std::optional<SpeechQueue::Start> SpeechQueue::next(bool speaking, const StillDue& stillDue) {
    if (!speaking) {
        m_current.reset();
    }
    // A line whose moment has passed is not said late.
    m_waiting.erase(std::remove_if(m_waiting.begin(), m_waiting.end(),
                                   [&](const SpokenLine& line) {
                                       return line.cue && stillDue && !stillDue(*line.cue);
                                   }),
                    m_waiting.end());
    if (m_waiting.empty()) {
        return std::nullopt;
    }
    auto best = m_waiting.begin();
    for (auto it = m_waiting.begin(); it != m_waiting.end(); ++it) {
        if (rank(*it) > rank(*best)) {
            best = it;
        }
    }
    if (m_current) {
        // Only a line that may cut the current one starts; the most important such.
        auto cutter = m_waiting.end();
        for (auto it = m_waiting.begin(); it != m_waiting.end(); ++it) {
            if (cuts(*it, *m_current) &&
                (cutter == m_waiting.end() || it->weight > cutter->weight)) {
                cutter = it;
            }
        }
        if (cutter == m_waiting.end()) {
            return std::nullopt;
        }
        best = cutter;
    }
    Start start{*best, m_current.has_value()};
    m_waiting.erase(best);
    if (start.cut && isCue(start.line, Cue::Kind::Paused) &&
        !isCue(*m_current, Cue::Kind::Paused)) {
        m_cutByPause = m_current;
    }
    m_current = start.line;
    return start;
}

} // namespace rollcoach
