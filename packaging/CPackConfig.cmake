# SPDX-License-Identifier: GPL-3.0-or-later
# CPack: `make package` builds a .deb (cpack -G DEB); the RPM settings are below, see
# packaging/README.md. Included from the top CMakeLists.txt after every target and install rule.
# What is installed (to /usr, GNUInstallDirs): bin/vdstudio-cli and its man page; with the UI also
# bin/vdstudio, its man page, the desktop entry, AppStream metainfo, the .vdproj MIME type and the
# hicolor icons (rules in app/CMakeLists.txt).
set(CPACK_PACKAGE_NAME "vdstudio")
set(CPACK_PACKAGE_VENDOR "VDStudio developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Studio for training and sampling latent video diffusion models")
# Lines under 80 columns (Debian's extended description).
set(CPACK_PACKAGE_DESCRIPTION
    "VDStudio trains and samples latent video diffusion models on your own clips:
a VAE compresses video frames into a small latent space and a diffusion model
learns to denoise in that space. The Qt desktop studio (vdstudio) browses the
dataset, shows live loss curves and preview clips, inspects the VAE's latent
channels for blob artifacts, and previews and exports generated clips. The same
engine runs headless from vdstudio-cli.")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/vdstudio/vdstudio")
set(CPACK_PACKAGE_CONTACT "VDStudio developers <vdstudio@localhost>")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
if(NOT CPACK_GENERATOR)
    set(CPACK_GENERATOR "DEB")
endif()

# ---- DEB (Debian 12) -------------------------------------------------------------------------
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)                # vdstudio_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION "graphics")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
# dpkg-shlibdeps computes the libraries' packages (libtorch1.13, libav*, Qt 6, QCustomPlot, ...)
# from the binaries' NEEDED entries; CPack appends them to CPACK_DEBIAN_PACKAGE_DEPENDS.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# libtorch1.13 reaches BLAS only through the libblas.so.3 alternative, which Debian's reference
# BLAS (libblas3) also satisfies and which made a training step 6x slower; name OpenBLAS (the
# pthread build, whose thread count the engine sets with openblas_set_num_threads) explicitly.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libopenblas0-pthread")
# Qt's own strings (standard buttons, file dialogs) in the studio's languages; the studio's own
# catalogues are compiled into the binary.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
# make-demo-dataset --kind fashion reads Fashion-MNIST from this package.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "dataset-fashion-mnist")
# Debian's copyright file and the (native) changelog, gzip -9n compressed, in share/doc/vdstudio.
set(vd_changelog_gz ${PROJECT_BINARY_DIR}/packaging/changelog.gz)
add_custom_command(OUTPUT ${vd_changelog_gz}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/packaging
    COMMAND sh -c "gzip -9n -c '${PROJECT_SOURCE_DIR}/packaging/debian/changelog' > '${vd_changelog_gz}'"
    DEPENDS ${PROJECT_SOURCE_DIR}/packaging/debian/changelog VERBATIM)
add_custom_target(vd_package_changelog ALL DEPENDS ${vd_changelog_gz})
install(FILES ${PROJECT_SOURCE_DIR}/packaging/debian/copyright ${vd_changelog_gz}
    DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/vdstudio)
# Triggers of shared-mime-info, desktop-file-utils and the hicolor icon cache pick up the files in
# share/mime/packages, share/applications and share/icons: no maintainer scripts needed.

# ---- RPM (Fedora/openSUSE; not built or tested here: packaging/README.md) ----------------------
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_LICENSE "GPL-3.0-or-later")
set(CPACK_RPM_PACKAGE_GROUP "Applications/Multimedia")
set(CPACK_RPM_PACKAGE_URL "${CPACK_PACKAGE_HOMEPAGE_URL}")
set(CPACK_RPM_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
# rpmbuild's automatic requirements come from the binaries' NEEDED entries, as dpkg-shlibdeps.
set(CPACK_RPM_PACKAGE_AUTOREQ ON)
set(CPACK_RPM_PACKAGE_REQUIRES "openblas-threads")
set(CPACK_RPM_PACKAGE_SUGGESTS "qt6-qttranslations")
# Do not claim ownership of the shared system folders the files go into.
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
    /usr/share/applications /usr/share/metainfo /usr/share/mime /usr/share/mime/packages
    /usr/share/icons /usr/share/icons/hicolor /usr/share/icons/hicolor/scalable
    /usr/share/icons/hicolor/scalable/apps /usr/share/man /usr/share/man/man1)
foreach(size 16 22 24 32 48 64 128 256 512)
    list(APPEND CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
        /usr/share/icons/hicolor/${size}x${size} /usr/share/icons/hicolor/${size}x${size}/apps)
endforeach()

include(CPack)
