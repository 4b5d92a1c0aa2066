package bibtex

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden .json files in testdata from the .bib files")

// TestGolden converts each testdata/*.bib to CSL-JSON and compares it with
// the .json file of the same name (go test -run TestGolden -update rewrites
// them).
func TestGolden(t *testing.T) {
	bibs, err := filepath.Glob("testdata/*.bib")
	if err != nil || len(bibs) == 0 {
		t.Fatalf("no testdata/*.bib: %v", err)
	}
	for _, bib := range bibs {
		t.Run(filepath.Base(bib), func(t *testing.T) {
			src, err := os.ReadFile(bib)
			if err != nil {
				t.Fatal(err)
			}
			f, errs := Parse(filepath.Base(bib), src)
			for _, e := range errs {
				t.Errorf("unexpected diagnostic: %v", e)
			}
			var buf bytes.Buffer
			if err := WriteCSL(&buf, ToCSL(f.Entries)); err != nil {
				t.Fatal(err)
			}
			got := buf.Bytes()
			golden := strings.TrimSuffix(bib, ".bib") + ".json"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestGolden -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the output; run go test -run TestGolden -update and review the diff\ngot:\n%s", golden, got)
			}
		})
	}
}

func labels(t *testing.T, src string) map[string]CSLItem {
	t.Helper()
	f, errs := Parse("t.bib", []byte(src))
	for _, e := range errs {
		t.Fatalf("unexpected diagnostic: %v", e)
	}
	m := make(map[string]CSLItem)
	for _, it := range ToCSL(f.Entries) {
		m[it.ID] = it
	}
	return m
}

func TestSeedLabels(t *testing.T) {
	src, err := os.ReadFile("testdata/references.bib")
	if err != nil {
		t.Fatal(err)
	}
	items := labels(t, string(src))
	for key, want := range map[string]string{
		"landhuis2017": "Landhuis 2017",
		"lauer2021":    "Lauer et al. 2021",
		"richards2019": "Richards et al. 2019",
	} {
		if got := items[key].CitationLabel; got != want {
			t.Errorf("%s: label %q, want %q", key, got, want)
		}
	}
	lauer := items["lauer2021"]
	if lauer.Type != "article" || lauer.ContainerTitle != "bioRxiv" {
		t.Errorf("lauer2021: type %q, container %q; want a bioRxiv preprint (article)", lauer.Type, lauer.ContainerTitle)
	}
	if lauer.Title != "Multi-animal pose estimation and tracking with DeepLabCut" {
		t.Errorf("lauer2021: title %q", lauer.Title)
	}
	if !items["richards2019"].Custom.AndOthers || len(items["richards2019"].Author) != 8 {
		t.Errorf("richards2019: want 8 authors and and-others")
	}
}

func TestLabels(t *testing.T) {
	items := labels(t, `
@article{one, author = {Landhuis, Esther}, title = {T}, year = 2017}
@article{two, author = {Lauer, Jessy and Zhou, Mu}, title = {T}, year = 2021}
@article{three, author = {Lauer, Jessy and Zhou, Mu and Ye, Shaokai}, title = {B}, year = 2020}
@article{threeb, author = {Lauer, Jessy and Mathis, A. and Ye, Shaokai}, title = {A}, year = 2020}
@article{others, author = {Lauer, Jessy and others}, title = {C}, year = 2020}
@article{corp, author = {{World Health Organization}}, title = {T}, year = 2020}
@book{ed, editor = {van der Berg, Jan}, title = {T}, year = 2019}
@misc{notitle, title = {Deep learning for the working neuroscientist}}
@misc{nd1, author = {Doe, Jane}, title = {A}}
@misc{nd2, author = {Doe, Jane}, title = {B}}
@article{press, author = {Doe, John}, title = {A}, year = {in press}}
`)
	for key, want := range map[string][2]string{
		"one": {"Landhuis 2017", "2017"},
		"two": {"Lauer and Zhou 2021", "2021"},
		// Sort keys "lauer 2020…" < "lauer mathis ye…" < "lauer zhou ye…".
		"others":  {"Lauer et al. 2020a", "2020a"},
		"threeb":  {"Lauer et al. 2020b", "2020b"},
		"three":   {"Lauer et al. 2020c", "2020c"},
		"corp":    {"World Health Organization 2020", "2020"},
		"ed":      {"van der Berg 2019", "2019"},
		"notitle": {"Deep learning n.d.", "n.d."},
		"nd1":     {"Doe n.d.-a", "n.d.-a"},
		"nd2":     {"Doe n.d.-b", "n.d.-b"},
		"press":   {"Doe in press", "in press"},
	} {
		it := items[key]
		if it.CitationLabel != want[0] || it.Custom.LabelYear != want[1] {
			t.Errorf("%s: label %q, year %q; want %q, %q (sort key %q)", key, it.CitationLabel, it.Custom.LabelYear, want[0], want[1], it.Custom.SortKey)
		}
	}
}

func TestSortOrder(t *testing.T) {
	f, _ := Parse("t.bib", []byte(`
@article{c, author = {{\"O}lveczky, Bence}, title = {T}, year = 2010}
@article{b, author = {Smith, A. and Jones, B.}, title = {T}, year = 2001}
@article{a, author = {Smith, A.}, title = {T}, year = 2005}
@article{d, author = {van der Berg, Jan}, title = {T}, year = 2000}
@article{e, author = {Zhou, Mu}, title = {T}}
`))
	var ids []string
	for _, it := range ToCSL(f.Entries) {
		ids = append(ids, it.ID)
	}
	// berg (van der Berg), olveczky, smith (one author) before smith jones, zhou.
	if got, want := strings.Join(ids, " "), "d c a b e"; got != want {
		t.Errorf("order %q, want %q", got, want)
	}
}

func TestCSLFields(t *testing.T) {
	items := labels(t, `
@phdthesis{t, author = {Zhou, Mu}, title = {T}, school = {Universit{\"a}t Z{\"u}rich}, year = 2015, month = apr, day = 30}
@techreport{r, author = {A, B}, title = {T}, institution = {Inst}, number = {TR-7}, year = 2019}
@article{a, author = {A, B}, title = {T}, journal = {J}, number = {3}, year = 2019, doi = {https://doi.org/10.1/X}, pages = {1--2}}
@article{pub, author = {A, B}, title = {T}, journal = {Nature}, eprint = {1234.5678}, archivePrefix = {arXiv}, year = 2019}
@misc{arx, author = {A, B}, title = {T}, eprint = {1234.5678}, archivePrefix = {arXiv}, year = 2019}
@inproceedings{p, author = {A, B}, title = {T}, booktitle = {Proc}, series = {LNCS}, number = 12, year = 2019}
@online{w, title = {W}, url = {https://a.org/x\_y}, date = {2024-01-02}}
@misc{m, title = {M}, howpublished = {Zenodo}, year = 2020}
@misc{u, title = {U}, howpublished = {Online at \url{https://x.org/a\_b}, accessed 2020}}
@mastersthesis{ms, author = {A, B}, title = {T}, school = {S}, type = {Diploma thesis}, year = 2000}
`)
	check := func(key, what, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s: %s = %q, want %q", key, what, got, want)
		}
	}
	check("t", "type", items["t"].Type, "thesis")
	check("t", "genre", items["t"].Genre, "PhD thesis")
	check("t", "publisher", items["t"].Publisher, "Universität Zürich")
	if d := items["t"].Issued.DateParts[0]; len(d) != 3 || d[0] != 2015 || d[1] != 4 || d[2] != 30 {
		t.Errorf("t: issued %v", d)
	}
	check("r", "type", items["r"].Type, "report")
	check("r", "number", items["r"].Number, "TR-7")
	check("r", "publisher", items["r"].Publisher, "Inst")
	check("a", "type", items["a"].Type, "article-journal")
	check("a", "issue", items["a"].Issue, "3")
	check("a", "DOI", items["a"].DOI, "10.1/X")
	check("a", "page", items["a"].Page, "1–2")
	check("pub", "type", items["pub"].Type, "article-journal")
	check("pub", "URL", items["pub"].URL, "https://arxiv.org/abs/1234.5678")
	check("arx", "type", items["arx"].Type, "article")
	check("p", "type", items["p"].Type, "paper-conference")
	check("p", "container-title", items["p"].ContainerTitle, "Proc")
	check("p", "collection-title", items["p"].CollectionTitle, "LNCS")
	check("p", "collection-number", items["p"].CollectionNumber, "12")
	check("w", "type", items["w"].Type, "webpage")
	check("w", "URL", items["w"].URL, "https://a.org/x_y")
	check("m", "type", items["m"].Type, "document")
	check("m", "publisher", items["m"].Publisher, "Zenodo")
	check("u", "URL", items["u"].URL, "https://x.org/a_b")
	check("u", "publisher", items["u"].Publisher, "")
	check("ms", "genre", items["ms"].Genre, "Diploma thesis")
}

func TestSortKey(t *testing.T) {
	for _, tc := range []struct {
		names []Name
		date  Date
		title string
		want  string
	}{
		{[]Name{{Family: "Müller"}, {Particle: "van der", Family: "Berg"}}, Date{Year: 2021}, "A Title", "muller berg 2021 a title"},
		{[]Name{{Literal: "World Health Organization"}}, Date{Year: 85}, "T", "worldhealthorganization 0085 t"},
		{[]Name{{Family: "Ølveczky"}}, Date{Year: 7}, "Plug-and-play: ŁÓDŹ", "olveczky 0007 plug and play lodz"},
		{[]Name{{Family: "O'Brien"}}, Date{Literal: "in press"}, "x", "obrien 9999 x"},
		{nil, Date{}, "Only a Title", "only a title 0000 only a title"},
	} {
		if got := sortKey(tc.names, tc.date, tc.title); got != tc.want {
			t.Errorf("sortKey(%v, %v, %q) = %q, want %q", tc.names, tc.date, tc.title, got, tc.want)
		}
	}
}

func TestLetters(t *testing.T) {
	for n, want := range map[int]string{0: "a", 25: "z", 26: "aa", 27: "ab", 701: "zz", 702: "aaa"} {
		if got := letters(n); got != want {
			t.Errorf("letters(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestIndent checks the fast indentation against encoding/json's.
func TestIndent(t *testing.T) {
	for _, src := range []string{
		`[]`, `{}`, `[{}]`, `{"a":[]}`, `[1,2,{"b":"x,y:{z}[\"]\\","c":[[1,2]],"d":{}}]`,
		`{"s":"\u00e9\"\\\"","t":true,"n":null}`,
	} {
		var want bytes.Buffer
		if err := json.Indent(&want, []byte(src), "", "  "); err != nil {
			t.Fatal(err)
		}
		if got := indent(nil, []byte(src), 0); string(got) != want.String() {
			t.Errorf("indent(%s) =\n%s\nwant\n%s", src, got, want.String())
		}
	}
}

func TestWriteCSLEmpty(t *testing.T) {
	var got bytes.Buffer
	if err := WriteCSL(&got, nil); err != nil || got.String() != "[]\n" {
		t.Errorf("WriteCSL(nil) wrote %q, %v; want \"[]\\n\"", got.String(), err)
	}
}
