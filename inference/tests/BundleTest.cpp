#include "Manifest.h"
#include "ReportModel.h"
#include "SafeTensors.h"
#include "Sha256.h"
#include "TestSupport.h"
#include "inference/Pipeline.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <fstream>

using namespace raddraft::inference;
using namespace raddraft::inference::testing;
namespace fs = std::filesystem;

namespace {

class BundleTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        root = scratchDirectory("bundle");
        createRandomBundle(tinyBundleSpec(), (root / "good").string());
    }
    static void TearDownTestSuite() { fs::remove_all(root); }

    // A fresh copy of the good bundle to corrupt.
    fs::path copyOfGood(const std::string& name) {
        const fs::path target = root / name;
        fs::remove_all(target);
        fs::copy(root / "good", target, fs::copy_options::recursive);
        return target;
    }

    static void rewriteManifest(const fs::path& bundle, const std::function<void(nlohmann::json&)>& edit) {
        std::ifstream in(bundle / "manifest.json");
        nlohmann::json json = nlohmann::json::parse(in);
        edit(json);
        std::ofstream(bundle / "manifest.json") << json.dump(2);
    }

    // Rewrites the weights with `edit` applied to the tensor map and fixes the checksum, so that
    // the error comes from the tensor check and not from the checksum.
    static void rewriteWeights(const fs::path& bundle,
                               const std::function<void(std::map<std::string, torch::Tensor>&)>& edit) {
        const SafeTensorsFile file = readSafeTensors((bundle / "model.safetensors").string());
        std::map<std::string, torch::Tensor> tensors;
        for (const auto& [name, entry] : file.tensors) tensors[name] = tensorFromSafeTensors(file, entry);
        edit(tensors);
        std::vector<SafeTensorsWriteItem> items;
        for (auto& [name, tensor] : tensors) {
            tensor = tensor.contiguous();
            SafeTensorsWriteItem item;
            item.name = name;
            item.dtype = tensor.scalar_type() == torch::kInt64 ? SafeTensorsDType::I64 : SafeTensorsDType::F32;
            item.shape.assign(tensor.sizes().begin(), tensor.sizes().end());
            item.bytes = tensor.data_ptr();
            item.byteCount = std::size_t(tensor.numel()) * tensor.element_size();
            items.push_back(item);
        }
        writeSafeTensors((bundle / "model.safetensors").string(), items);
        const std::string hash = Sha256::hexOfFile((bundle / "model.safetensors").string());
        rewriteManifest(bundle, [&](nlohmann::json& json) { json["weights"][0]["sha256"] = hash; });
    }

    static ErrorCode loadError(const fs::path& bundle, const std::string& expectedInMessage) {
        try {
            Pipeline::load(bundle.string(), {DevicePreference::Cpu});
        } catch (const InferenceError& error) {
            EXPECT_NE(std::string(error.what()).find(expectedInMessage), std::string::npos) << error.what();
            return error.code();
        }
        ADD_FAILURE() << "loading " << bundle << " did not fail";
        return ErrorCode::Torch;
    }

    static inline fs::path root;
};

} // namespace

TEST_F(BundleTest, RoundTripRestoresEveryTensor) {
    const Manifest manifest = readManifest((root / "good").string());
    EXPECT_EQ(manifest.modelType, "transformer");
    EXPECT_EQ(manifest.labels.size(), 20u);
    ASSERT_TRUE(manifest.knowledgeGraph.has_value());
    EXPECT_EQ(manifest.hyperParameters.at("d_model"), 32);
    EXPECT_EQ(manifest.hyperParameters.at("beam_width"), 3); // default merged in
    EXPECT_EQ(manifest.provenance.at("initialisation").at("seed"), 7);

    // The same seed re-creates the same weights; the loaded model equals it exactly.
    std::unique_ptr<ReportModel> fresh = createModel(manifest, 7);
    std::unique_ptr<ReportModel> loaded = loadModel((root / "good").string(), selectDevice(DeviceKind::Cpu, false));
    const auto expected = namedTensors(fresh->network());
    const auto actual = namedTensors(loaded->network());
    ASSERT_EQ(expected.size(), actual.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(expected[i].first, actual[i].first);
        EXPECT_TRUE(torch::equal(expected[i].second, actual[i].second)) << expected[i].first;
        EXPECT_EQ(expected[i].second.scalar_type(), actual[i].second.scalar_type()) << expected[i].first;
    }
    // A loaded model saves again into a bundle that loads (integer buffers stay integers).
    saveBundle(*loaded, (root / "resaved").string(), true, true);
    EXPECT_NO_THROW(loadModel((root / "resaved").string(), selectDevice(DeviceKind::Cpu, false)));
    // BatchNorm's int64 counter survives as I64.
    const SafeTensorsFile file = readSafeTensors((root / "good" / "model.safetensors").string());
    EXPECT_EQ(file.tensors.at("visual_extractor.backbone.bn1.num_batches_tracked").dtype, SafeTensorsDType::I64);
    EXPECT_EQ(file.metadata.at("format"), "pt");
}

TEST_F(BundleTest, HalfStorageLoadsWithinHalfPrecision) {
    BundleSpec spec = tinyBundleSpec();
    spec.storeHalf = true;
    createRandomBundle(spec, (root / "half").string());
    EXPECT_LT(fs::file_size(root / "half" / "model.safetensors"), fs::file_size(root / "good" / "model.safetensors") * 6 / 10);
    auto full = loadModel((root / "good").string(), selectDevice(DeviceKind::Cpu, false));
    auto half = loadModel((root / "half").string(), selectDevice(DeviceKind::Cpu, false));
    const auto a = namedTensors(full->network());
    const auto b = namedTensors(half->network());
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!a[i].second.is_floating_point()) continue;
        EXPECT_TRUE(torch::allclose(a[i].second, b[i].second, 1e-3, 1e-4)) << a[i].first;
    }
}

TEST_F(BundleTest, WritingIsAtomicAndRefusesToOverwrite) {
    EXPECT_THROW(createRandomBundle(tinyBundleSpec(), (root / "good").string()), InferenceError);
    BundleSpec bad = tinyBundleSpec();
    bad.hyperParametersJson = R"({"no_such_parameter": 1})";
    EXPECT_THROW(createRandomBundle(bad, (root / "never").string()), InferenceError);
    bad = tinyBundleSpec();
    bad.hyperParametersJson = R"({"d_model": 30, "num_heads": 4})";
    EXPECT_THROW(createRandomBundle(bad, (root / "never").string()), InferenceError);
    EXPECT_FALSE(fs::exists(root / "never"));
    for (const auto& entry : fs::directory_iterator(root)) {
        EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos) << entry.path();
    }
    const std::string before = bundleHash((root / "good").string());
    createRandomBundle(tinyBundleSpec(8), (root / "good").string(), true);
    EXPECT_NE(bundleHash((root / "good").string()), before);
    createRandomBundle(tinyBundleSpec(7), (root / "good").string(), true);
    EXPECT_EQ(bundleHash((root / "good").string()), before); // deterministic for a fixed seed
}

TEST_F(BundleTest, TruncatedWeightsFile) {
    const fs::path bundle = copyOfGood("truncated");
    fs::resize_file(bundle / "model.safetensors", fs::file_size(bundle / "model.safetensors") - 100);
    rewriteManifest(bundle, [&](nlohmann::json& json) {
        json["weights"][0]["sha256"] = Sha256::hexOfFile((bundle / "model.safetensors").string());
    });
    EXPECT_EQ(loadError(bundle, "truncated"), ErrorCode::CorruptBundle);
}

TEST_F(BundleTest, WrongChecksum) {
    const fs::path bundle = copyOfGood("checksum");
    {
        std::fstream file(bundle / "model.safetensors", std::ios::in | std::ios::out | std::ios::binary);
        file.seekp(-4, std::ios::end);
        file.write("\x01\x02\x03\x04", 4);
    }
    EXPECT_EQ(loadError(bundle, "model.safetensors"), ErrorCode::ChecksumMismatch);
}

TEST_F(BundleTest, MissingWeightsFile) {
    const fs::path bundle = copyOfGood("nofile");
    fs::remove(bundle / "model.safetensors");
    EXPECT_EQ(loadError(bundle, "model.safetensors"), ErrorCode::Io);
}

TEST_F(BundleTest, UnknownTensor) {
    const fs::path bundle = copyOfGood("unknown");
    rewriteWeights(bundle, [](auto& tensors) { tensors["extra.weight"] = torch::zeros({2}); });
    EXPECT_EQ(loadError(bundle, "extra.weight"), ErrorCode::UnknownTensor);
}

TEST_F(BundleTest, MissingTensor) {
    const fs::path bundle = copyOfGood("missing");
    rewriteWeights(bundle, [](auto& tensors) { tensors.erase("encoder_decoder.logit.bias"); });
    EXPECT_EQ(loadError(bundle, "encoder_decoder.logit.bias"), ErrorCode::MissingTensor);
}

TEST_F(BundleTest, ShapeMismatch) {
    const fs::path bundle = copyOfGood("shape");
    rewriteWeights(bundle, [](auto& tensors) { tensors["encoder_decoder.logit.bias"] = torch::zeros({3}); });
    EXPECT_EQ(loadError(bundle, "encoder_decoder.logit.bias"), ErrorCode::ShapeMismatch);
}

TEST_F(BundleTest, HyperParametersThatDoNotMatchTheWeights) {
    const fs::path bundle = copyOfGood("hyper");
    rewriteManifest(bundle, [](nlohmann::json& json) { json["hyperparameters"]["d_model"] = 64; });
    EXPECT_EQ(loadError(bundle, "shape"), ErrorCode::ShapeMismatch);
}

TEST_F(BundleTest, UnknownModelType) {
    const fs::path bundle = copyOfGood("type");
    rewriteManifest(bundle, [](nlohmann::json& json) { json["model"]["type"] = "r2gen-memory"; });
    EXPECT_EQ(loadError(bundle, "r2gen-memory"), ErrorCode::UnknownModelType);
}

TEST_F(BundleTest, MalformedManifests) {
    const fs::path bundle = copyOfGood("manifest");
    rewriteManifest(bundle, [](nlohmann::json& json) { json["format_version"] = 99; });
    EXPECT_EQ(loadError(bundle, "format_version"), ErrorCode::UnsupportedVersion);
    rewriteManifest(bundle, [](nlohmann::json& json) {
        json["format_version"] = 1;
        json["weights"][0]["file"] = "../escape.safetensors";
    });
    EXPECT_EQ(loadError(bundle, "plain file name"), ErrorCode::CorruptBundle);
    rewriteManifest(bundle, [](nlohmann::json& json) {
        json["weights"][0]["file"] = "model.safetensors";
        json["text"]["vocabulary"] = {"b", "a"};
    });
    EXPECT_EQ(loadError(bundle, "manifest.json"), ErrorCode::CorruptBundle);
    std::ofstream(bundle / "manifest.json") << "{ not json";
    EXPECT_EQ(loadError(bundle, "manifest.json"), ErrorCode::CorruptBundle);
    EXPECT_EQ(loadError(root / "does-not-exist", "does-not-exist"), ErrorCode::Io);
}

TEST_F(BundleTest, InspectAndRegistry) {
    const BundleSummary summary = inspectBundle((root / "good").string());
    EXPECT_EQ(summary.modelType, "transformer");
    EXPECT_EQ(summary.vocabularySize, 14);
    EXPECT_EQ(summary.bundleHash.size(), 64u);
    const std::vector<std::string> types = registeredModelTypes(); // sorted names; seed models add theirs
    EXPECT_TRUE(std::is_sorted(types.begin(), types.end()));
    EXPECT_NE(std::find(types.begin(), types.end(), "transformer"), types.end());
    EXPECT_NE(defaultHyperParametersJson("transformer").find("d_model"), std::string::npos);
    EXPECT_THROW(defaultHyperParametersJson("nope"), InferenceError);
}
