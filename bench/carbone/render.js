// SPDX-License-Identifier: GPL-3.0-or-later
// The Carbone peer of `styr handout workshop`: renders TEMPLATE.odt with the
// items in DATA.json (bench/gen.pl carbone N) to OUT.odt, ODT in and ODT out
// (no conversion, so no LibreOffice).  Usage: node render.js TEMPLATE DATA OUT
'use strict';
const fs = require('fs');
const carbone = require('carbone');

const [template, data, out] = process.argv.slice(2);
carbone.render(template, JSON.parse(fs.readFileSync(data, 'utf8')), {},
	(err, result) => {
		if (err) {
			console.error('render.js: ' + err);
			process.exit(1);
		}
		fs.writeFileSync(out, result);
	});
