#pragma once
// Early stopping on a validation metric: remembers the best epoch and says when `patience`
// epochs have passed without an improvement larger than minDelta. Serialisable, so a resumed
// run stops exactly where an uninterrupted one would.

#include <nlohmann/json.hpp>

#include <limits>

namespace raddraft::training {

class EarlyStopping {
public:
    /// patience 0: never stop early (the best epoch is still tracked).
    EarlyStopping(int patience = 0, double minDelta = 0.0, bool higherIsBetter = true);

    /// Records the metric of `epoch` (1-based); true when it is the new best. A NaN value is
    /// never an improvement.
    bool update(int epoch, double value);
    bool shouldStop() const { return m_patience > 0 && m_epochsWithoutImprovement >= m_patience; }

    int bestEpoch() const { return m_bestEpoch; }          ///< 0 before the first update
    double bestValue() const { return m_bestValue; }       ///< NaN before the first improvement
    int epochsWithoutImprovement() const { return m_epochsWithoutImprovement; }

    nlohmann::json toJson() const;
    /// Restores the progress of toJson() into an object configured like the saved one.
    void restore(const nlohmann::json& json);

private:
    int m_patience;
    double m_minDelta;
    bool m_higherIsBetter;
    int m_bestEpoch = 0;
    double m_bestValue = std::numeric_limits<double>::quiet_NaN();
    int m_epochsWithoutImprovement = 0;
};

} // namespace raddraft::training
