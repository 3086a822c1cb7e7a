// loadDataset / checkImages on small fixtures in R2Gen's layouts (IU X-ray, MIMIC-CXR) and our
// phantom layout, written to a temporary directory by each test; plus malformed inputs.

#include "datasets/Dataset.h"
#include "datasets/DatasetError.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;
using nlohmann::json;
using raddraft::datasets::checkImages;
using raddraft::datasets::Dataset;
using raddraft::datasets::DatasetError;
using raddraft::datasets::DatasetKind;
using raddraft::datasets::DatasetRecord;
using raddraft::datasets::loadDataset;

namespace {

class DatasetTest : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        directory_ = fs::temp_directory_path() /
                     ("raddraft_datasets_" + std::string(info->name()) + "_" + std::to_string(::getpid()));
        fs::remove_all(directory_);
        fs::create_directories(directory_ / "images");
    }
    void TearDown() override { fs::remove_all(directory_); }

    void writeText(const fs::path& relative, const std::string& text) const {
        const fs::path path = directory_ / relative;
        fs::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << text;
    }
    void writeAnnotation(const json& annotation) const {
        writeText("annotation.json", annotation.dump(2));
    }
    std::string image(const std::string& relative) const {
        return (directory_ / "images" / relative).lexically_normal().string();
    }
    /// Runs loadDataset and returns the error's reason; fails the test when nothing is thrown.
    std::string loadError() const {
        try {
            loadDataset(directory_.string());
        } catch (const DatasetError& error) {
            EXPECT_EQ(error.file(), (directory_ / "annotation.json").string());
            EXPECT_EQ(std::string(error.what()), error.file() + ": " + error.reason());
            return error.reason();
        }
        ADD_FAILURE() << "loadDataset did not throw";
        return {};
    }

    fs::path directory_;
};

// R2Gen's iu_xray/annotation.json: two PNG views per study, frontal first.
json iuXrayEntry(const std::string& id, const std::string& split, const std::string& report) {
    return {{"id", id},
            {"report", report},
            {"image_path", {id + "/0.png", id + "/1.png"}},
            {"split", split}};
}

// R2Gen's mimic_cxr/annotation.json: one entry per DICOM id, usually with a single JPG.
json mimicEntry(const std::string& dicomId, int studyId, int subjectId, const std::string& split) {
    const std::string subject = std::to_string(subjectId);
    return {{"id", dicomId},
            {"study_id", studyId},
            {"subject_id", subjectId},
            {"report", "No acute cardiopulmonary process."},
            {"image_path", {"p" + subject.substr(0, 2) + "/p" + subject + "/s" + std::to_string(studyId) +
                            "/" + dicomId + ".jpg"}},
            {"split", split}};
}

json phantomEntry(const std::string& id, const std::string& split) {
    json entry = iuXrayEntry(id, split, "FINDINGS: Moderate left pleural effusion. IMPRESSION: Left effusion.");
    entry["labels"] = {{"pleural effusion", 1}, {"pneumothorax", 0}, {"cardiomegaly", -1}};
    entry["observations"] = {{"Pleural Effusion", 1}, {"No Finding", 0}};
    entry["context_labels"] = {"pleural effusion|left|moderate"};
    entry["masks"] = {{"pleural effusion",
                       {id + "/masks/pleural_effusion_frontal.png", id + "/masks/pleural_effusion_lateral.png"}},
                      {"pneumothorax", {id + "/masks/pneumothorax_frontal.png", ""}}};
    entry["findings"] = json::array({{{"node", "pleural effusion"}, {"laterality", "left"}}});
    entry["dicom"] = {"dicom/" + id + "/frontal.dcm", "dicom/" + id + "/lateral.dcm"};
    return entry;
}

TEST_F(DatasetTest, ReadsIuXrayLayoutInSplitOrder) {
    // Keys deliberately out of order: records still come train, val, test.
    writeAnnotation({{"test", {iuXrayEntry("CXR3_IM-1384", "test", "Normal chest.")}},
                     {"train", {iuXrayEntry("CXR2384_IM-0942", "train", "The heart is normal in size."),
                                iuXrayEntry("CXR1_1_IM-0001", "train", "No pneumothorax.")}},
                     {"val", {iuXrayEntry("CXR10_IM-0002", "val", "Clear lungs.")}}});
    const Dataset dataset = loadDataset(directory_.string());
    EXPECT_EQ(dataset.kind, DatasetKind::IuXray);
    EXPECT_EQ(dataset.directory, directory_.lexically_normal().string());
    ASSERT_EQ(dataset.records.size(), 4u);
    EXPECT_EQ(dataset.records[0].id, "CXR2384_IM-0942");
    EXPECT_EQ(dataset.records[1].id, "CXR1_1_IM-0001");
    EXPECT_EQ(dataset.records[2].id, "CXR10_IM-0002");
    EXPECT_EQ(dataset.records[3].id, "CXR3_IM-1384");
    const DatasetRecord& first = dataset.records[0];
    EXPECT_EQ(first.split, "train");
    EXPECT_EQ(first.report, "The heart is normal in size.");
    EXPECT_EQ(first.imagePaths,
              (std::vector<std::string>{image("CXR2384_IM-0942/0.png"), image("CXR2384_IM-0942/1.png")}));
    EXPECT_TRUE(first.graphLabels.empty());
    EXPECT_TRUE(first.maskPaths.empty());

    EXPECT_EQ(dataset.split("train").size(), 2u);
    ASSERT_EQ(dataset.split("val").size(), 1u);
    EXPECT_EQ(dataset.split("val")[0]->id, "CXR10_IM-0002");
    EXPECT_EQ(dataset.split("test").size(), 1u);
    EXPECT_EQ(dataset.split("all").size(), 4u);
    EXPECT_THROW(dataset.split("validation"), DatasetError);
}

TEST_F(DatasetTest, ReadsMimicCxrLayoutWithSingleImages) {
    writeAnnotation({{"train", {mimicEntry("02aa804e-bde0afdd-112c0b34-7bc16630-4e384014", 50414267, 10000032, "train"),
                                mimicEntry("174413ec-4ec4c1f7-34ea26b7-c5f994f8-79ef1962", 50414267, 10000032, "train")}},
                     {"val", json::array()},
                     {"test", {mimicEntry("2a2277a9-b0ded155-c0de8eb9-c124d10e-82c5caab", 53189527, 10000032, "test")}}});
    const Dataset dataset = loadDataset(directory_.string());
    EXPECT_EQ(dataset.kind, DatasetKind::MimicCxr);
    ASSERT_EQ(dataset.records.size(), 3u);
    ASSERT_EQ(dataset.records[0].imagePaths.size(), 1u);
    EXPECT_EQ(dataset.records[0].imagePaths[0],
              image("p10/p10000032/s50414267/02aa804e-bde0afdd-112c0b34-7bc16630-4e384014.jpg"));
    EXPECT_EQ(dataset.records[2].split, "test");
    EXPECT_TRUE(dataset.split("val").empty());
}

TEST_F(DatasetTest, ReadsPhantomLabelsAndMasks) {
    writeAnnotation({{"train", {phantomEntry("phantom-000000", "train")}},
                     {"val", {phantomEntry("phantom-000001", "val")}}});
    const Dataset dataset = loadDataset(directory_.string());
    EXPECT_EQ(dataset.kind, DatasetKind::Phantom);
    ASSERT_EQ(dataset.records.size(), 2u);
    const DatasetRecord& record = dataset.records[0];
    EXPECT_EQ(record.graphLabels.at("pleural effusion"), 1);
    EXPECT_EQ(record.graphLabels.at("pneumothorax"), 0);
    EXPECT_EQ(record.graphLabels.at("cardiomegaly"), -1);
    EXPECT_EQ(record.observationLabels.at("Pleural Effusion"), 1);
    EXPECT_EQ(record.contextLabels, std::vector<std::string>{"pleural effusion|left|moderate"});
    EXPECT_EQ(record.maskPaths.at("pleural effusion"),
              (std::vector<std::string>{image("phantom-000000/masks/pleural_effusion_frontal.png"),
                                        image("phantom-000000/masks/pleural_effusion_lateral.png")}));
    EXPECT_EQ(record.maskPaths.at("pneumothorax")[1], "");
}

TEST_F(DatasetTest, CheckImagesListsEveryMissingImageAndMask) {
    writeAnnotation({{"train", {phantomEntry("phantom-000000", "train")}}});
    const std::string id = "phantom-000000";
    for (const std::string name : {"0.png", "1.png", "masks/pleural_effusion_frontal.png",
                                   "masks/pleural_effusion_lateral.png", "masks/pneumothorax_frontal.png"})
        writeText("images/" + id + "/" + name, "x");
    const Dataset dataset = loadDataset(directory_.string());
    EXPECT_TRUE(checkImages(dataset).empty());

    fs::remove(image(id + "/1.png"));
    fs::remove(image(id + "/masks/pneumothorax_frontal.png"));
    fs::create_directories(image(id + "/0.png") + ".dir");
    const std::vector<std::string> problems = checkImages(dataset);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0], image(id + "/1.png") + ": no such file (image 1 of \"" + id + "\")");
    EXPECT_EQ(problems[1], image(id + "/masks/pneumothorax_frontal.png") +
                               ": no such file (pneumothorax mask of \"" + id + "\")");

    fs::remove(image(id + "/0.png"));
    fs::create_directories(image(id + "/0.png"));
    EXPECT_EQ(checkImages(dataset).front(), image(id + "/0.png") + ": not a regular file (image 0 of \"" + id + "\")");
}

TEST_F(DatasetTest, MissingAnnotationFileIsAnError) {
    EXPECT_NE(loadError().find("no such file"), std::string::npos);
}

TEST_F(DatasetTest, InvalidJsonIsAnError) {
    writeText("annotation.json", "{\"train\": [ {\"id\": \"a\", ");
    const std::string reason = loadError();
    EXPECT_EQ(reason.rfind("invalid JSON: ", 0), 0u) << reason;
    EXPECT_NE(reason.find("line 1"), std::string::npos) << reason;
}

TEST_F(DatasetTest, TopLevelMustBeAnObjectOfArrays) {
    writeAnnotation(json::array({iuXrayEntry("a", "train", "r")}));
    EXPECT_NE(loadError().find("top level is not an object"), std::string::npos);
    writeAnnotation({{"train", iuXrayEntry("a", "train", "r")}});
    EXPECT_EQ(loadError(), "split \"train\" is not an array");
}

TEST_F(DatasetTest, EntryWithoutReportIsAnError) {
    json entry = iuXrayEntry("CXR2384_IM-0942", "train", "r");
    entry.erase("report");
    writeAnnotation({{"train", {iuXrayEntry("CXR1_1_IM-0001", "train", "r"), entry}}});
    EXPECT_EQ(loadError(), "\"train\" entry 1 (id \"CXR2384_IM-0942\") has no 'report'");
}

TEST_F(DatasetTest, EntryWithoutIdOrImagesIsAnError) {
    json noId = iuXrayEntry("a", "train", "r");
    noId.erase("id");
    writeAnnotation({{"train", {noId}}});
    EXPECT_EQ(loadError(), "\"train\" entry 0 has no 'id'");

    json noImages = iuXrayEntry("a", "train", "r");
    noImages["image_path"] = json::array();
    writeAnnotation({{"train", {noImages}}});
    EXPECT_NE(loadError().find("'image_path' that is not a non-empty array"), std::string::npos);

    json numericReport = iuXrayEntry("a", "train", "r");
    numericReport["report"] = 3;
    writeAnnotation({{"train", {numericReport}}});
    EXPECT_EQ(loadError(), "\"train\" entry 0 (id \"a\") has a non-string 'report'");
}

TEST_F(DatasetTest, UnknownSplitIsAnError) {
    writeAnnotation({{"train", {iuXrayEntry("a", "train", "r")}}, {"validation", json::array()}});
    EXPECT_EQ(loadError(), "unknown split \"validation\" (expected train, val, test)");

    writeAnnotation({{"train", {iuXrayEntry("a", "dev", "r")}}});
    EXPECT_EQ(loadError(), "\"train\" entry 0 (id \"a\") says \"split\": \"dev\" but is listed under \"train\"");
}

TEST_F(DatasetTest, DuplicateIdIsAnError) {
    writeAnnotation({{"train", {iuXrayEntry("CXR2384_IM-0942", "train", "r")}},
                     {"test", {iuXrayEntry("CXR2384_IM-0942", "test", "r")}}});
    EXPECT_EQ(loadError(), "\"test\" entry 0 (id \"CXR2384_IM-0942\") repeats an id used before");
}

TEST_F(DatasetTest, MixedLayoutsAndBadPhantomLabelsAreErrors) {
    writeAnnotation({{"train", {iuXrayEntry("a", "train", "r"), phantomEntry("b", "train")}}});
    EXPECT_EQ(loadError(), "\"train\" entry 1 (id \"b\") is a phantom entry but earlier entries are IU X-ray");

    json badLabel = phantomEntry("b", "train");
    badLabel["labels"]["pneumothorax"] = 2;
    writeAnnotation({{"train", {badLabel}}});
    EXPECT_EQ(loadError(), "\"train\" entry 0 (id \"b\") has 'labels' \"pneumothorax\" that is not 1, 0 or -1");

    json badMask = phantomEntry("b", "train");
    badMask["masks"]["pneumothorax"] = {"only-one.png"};
    writeAnnotation({{"train", {badMask}}});
    EXPECT_EQ(loadError(), "\"train\" entry 0 (id \"b\") has 'masks' \"pneumothorax\" that is not [frontal, lateral]");
}

} // namespace
