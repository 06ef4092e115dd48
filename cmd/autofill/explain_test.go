package main

import (
	"strings"
	"testing"

	"github.com/cscse-tools/autofill/internal/iostreams"
)

func TestValidateExplain(t *testing.T) {
	path := exampleCopy(t, "major_chinese: 人工智能", "major_chinese: 金融", "discipline: 工学", "discipline: 经济学",
		"awarding_institution: The University of Edinburgh", "awarding_institution: 爱丁堡大学")
	ios, _, out, _ := iostreams.Test()
	if err := runValidate(&validateOptions{io: ios, files: []string{path}, explain: true, now: validateToday}); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, want := range []string{
		"CSCSE lists it as The University of Edinburgh",
		"most likely file 金融 under 经济学: 金融 0251 (研究生教育学科专业目录（2022年）)",
		"金融学 020301K",
		"within 12 months",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
}
