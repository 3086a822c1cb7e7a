#pragma once
// SHA-256 (FIPS 180-4), used to checksum bundle weights files. Self-contained: inference/ may
// depend on LibTorch and the standard library only.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace raddraft::inference {

class Sha256 {
public:
    Sha256();
    void update(const void* data, std::size_t size);
    void update(const std::string& data) { update(data.data(), data.size()); }
    /// Finishes the hash; the object must not be updated afterwards.
    std::array<std::uint8_t, 32> digest();
    /// Lower-case hex of digest().
    std::string hexDigest();

    static std::string hexOf(const std::string& data);
    /// Hex SHA-256 of a whole file. Throws InferenceError(Io) naming the file when unreadable.
    static std::string hexOfFile(const std::string& filePath);

private:
    void processBlock(const std::uint8_t* block);

    std::array<std::uint32_t, 8> m_state;
    std::array<std::uint8_t, 64> m_buffer{};
    std::size_t m_bufferSize = 0;
    std::uint64_t m_totalBytes = 0;
};

} // namespace raddraft::inference
