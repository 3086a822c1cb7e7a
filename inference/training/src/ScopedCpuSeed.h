#pragma once
// Seeds LibTorch's default CPU generator for a scope and restores its state afterwards, so that a
// trainer's preparatory stage (a graph network, label or auxiliary stages) is deterministic and
// leaves the report stage's random stream (dropout, checkpointed for resumption) exactly as it was.

#include <ATen/CPUGeneratorImpl.h>
#include <torch/types.h>

#include <cstdint>
#include <mutex>

namespace raddraft::training {

class ScopedCpuSeed {
public:
    explicit ScopedCpuSeed(std::uint64_t seed) : m_generator(at::detail::getDefaultCPUGenerator()) {
        std::lock_guard<std::mutex> lock(m_generator.mutex());
        m_state = m_generator.get_state();
        m_generator.set_current_seed(seed);
    }
    ~ScopedCpuSeed() {
        std::lock_guard<std::mutex> lock(m_generator.mutex());
        m_generator.set_state(m_state);
    }
    ScopedCpuSeed(const ScopedCpuSeed&) = delete;
    ScopedCpuSeed& operator=(const ScopedCpuSeed&) = delete;

private:
    at::Generator m_generator;
    torch::Tensor m_state;
};

} // namespace raddraft::training
