package bibtex

import "testing"

func TestDate(t *testing.T) {
	for _, tc := range []struct {
		fields string
		want   Date
	}{
		{`year = 2021`, Date{Year: 2021}},
		{`year = {2021}, month = apr`, Date{Year: 2021, Month: 4}},
		{`year = {2021}, month = {4}`, Date{Year: 2021, Month: 4}},
		{`year = {2021}, month = {04}, day = {30}`, Date{Year: 2021, Month: 4, Day: 30}},
		{`year = {2021}, month = {Sept.}`, Date{Year: 2021, Month: 9}},
		{`year = {2021}, month = {december}`, Date{Year: 2021, Month: 12}},
		{`year = {2021}, month = jan # "--" # feb`, Date{Year: 2021, Month: 1}},
		{`year = {2021}, month = {13}`, Date{Year: 2021}},
		{`year = {2021}, month = {18--24 Jul}`, Date{Year: 2021, Month: 7}},
		{`year = {2021}, month = {4 and may}`, Date{Year: 2021, Month: 5}},
		{`year = {2021}, month = {ma}`, Date{Year: 2021}},
		{`year = {2021}, month = {Spring}`, Date{Year: 2021}},
		{`year = {2021}, day = {3}`, Date{Year: 2021}},
		{`year = {2021a}`, Date{Year: 2021}},
		{`year = {c. 1850}`, Date{Year: 1850}},
		{`year = {2019--2020}`, Date{Year: 2019}},
		{`year = {in press}`, Date{Literal: "in press"}},
		{`title = {no date}`, Date{}},
		{`date = {2021}`, Date{Year: 2021}},
		{`date = {2021-04}`, Date{Year: 2021, Month: 4}},
		{`date = {2021-04-30}`, Date{Year: 2021, Month: 4, Day: 30}},
		{`date = {2021-04-30/2021-05-02}`, Date{Year: 2021, Month: 4, Day: 30}},
		{`date = {2021-04-30T10:00:00}`, Date{Year: 2021, Month: 4, Day: 30}},
		{`date = {2021-13}, year = 2020`, Date{Year: 2020}},
		{`date = {April 2021}, year = 2021, month = apr`, Date{Year: 2021, Month: 4}},
		{`date = {21-04-30}, year = 2021`, Date{Year: 2021}},
	} {
		f, errs := Parse("d.bib", []byte("@misc{k, "+tc.fields+"}"))
		if len(errs) > 0 || len(f.Entries) != 1 {
			t.Fatalf("%s: %v", tc.fields, errs)
		}
		if got := f.Entries[0].Date(); got != tc.want {
			t.Errorf("%s: Date() = %+v, want %+v", tc.fields, got, tc.want)
		}
	}
}
