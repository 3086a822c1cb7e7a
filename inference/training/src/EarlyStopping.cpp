#include "EarlyStopping.h"

#include <cmath>

namespace raddraft::training {

EarlyStopping::EarlyStopping(int patience, double minDelta, bool higherIsBetter)
    : m_patience(patience), m_minDelta(minDelta), m_higherIsBetter(higherIsBetter) {}

bool EarlyStopping::update(int epoch, double value) {
    bool improved = false;
    if (!std::isnan(value)) {
        if (m_bestEpoch == 0 || std::isnan(m_bestValue)) {
            improved = true;
        } else {
            const double gain = m_higherIsBetter ? value - m_bestValue : m_bestValue - value;
            improved = gain > m_minDelta;
        }
    }
    if (improved) {
        m_bestEpoch = epoch;
        m_bestValue = value;
        m_epochsWithoutImprovement = 0;
    } else {
        ++m_epochsWithoutImprovement;
    }
    return improved;
}

nlohmann::json EarlyStopping::toJson() const {
    return {{"best_epoch", m_bestEpoch},
            {"best_value", std::isnan(m_bestValue) ? nlohmann::json(nullptr) : nlohmann::json(m_bestValue)},
            {"epochs_without_improvement", m_epochsWithoutImprovement}};
}

void EarlyStopping::restore(const nlohmann::json& json) {
    m_bestEpoch = json.at("best_epoch").get<int>();
    m_bestValue = json.at("best_value").is_null() ? std::numeric_limits<double>::quiet_NaN() : json.at("best_value").get<double>();
    m_epochsWithoutImprovement = json.at("epochs_without_improvement").get<int>();
}

} // namespace raddraft::training
